/// Strips leading and/or trailing whitespace.
struct StripNormalizer: Normalizer {
    let left: Bool
    let right: Bool

    init(config: Config) throws {
        left = try config["strip_left"].bool(default: true)
        right = try config["strip_right"].bool(default: true)
    }

    func normalize(_ text: inout NormalizedString) {
        let scalars = text.scalars
        let leading = left ? scalars.prefix(while: UnicodeClasses.isWhitespace).count : 0
        let trailing = right ? scalars.reversed().prefix(while: UnicodeClasses.isWhitespace).count : 0
        guard leading > 0 || trailing > 0 else { return }
        // Same transformation list as Rust's `lrstrip`, including its byte/char index mix-up.
        let count = scalars.count
        let marker = text.utf8Count - trailing - 1
        var items: [(Unicode.Scalar, Int)] = []
        items.reserveCapacity(count)
        for (i, scalar) in scalars.enumerated() where i >= leading && i < count - trailing {
            items.append((scalar, i == marker ? -trailing : 0))
        }
        text.transform(items, initialOffset: leading)
    }
}
