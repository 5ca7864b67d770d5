/// One entry of `added_tokens`.
struct AddedToken: Sendable, Equatable {
    let content: String
    let singleWord: Bool
    let lstrip: Bool
    let rstrip: Bool
    let normalized: Bool
    let special: Bool

    init(config: Config) throws {
        content = try config["content"].requiredString()
        singleWord = try config["single_word"].bool(default: false)
        lstrip = try config["lstrip"].bool(default: false)
        rstrip = try config["rstrip"].bool(default: false)
        special = try config["special"].bool(default: false)
        normalized = try config["normalized"].bool(default: true)
    }
}
