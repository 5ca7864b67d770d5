/// Applies several pre-tokenizers in order, each to every piece produced so far.
struct SequencePreTokenizer: PreTokenizer {
    let preTokenizers: [any PreTokenizer]

    init(config: Config) throws {
        preTokenizers = try config["pretokenizers"].requiredArray().compactMap(makePreTokenizer)
    }

    func split(_ text: NormalizedString) -> [NormalizedString] {
        var pieces = [text]
        for preTokenizer in preTokenizers {
            pieces = pieces.flatMap { preTokenizer.split($0).filter { !$0.isEmpty } }
        }
        return pieces
    }
}
