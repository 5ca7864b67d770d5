/// `[CLS] A [SEP]` and `[CLS] A [SEP] B [SEP]`, with type id 1 for the second part.
struct BertProcessing: PostProcessor {
    let sep: SpecialToken
    let cls: SpecialToken

    init(config: Config) throws {
        sep = try SpecialToken(config: config["sep"])
        cls = try SpecialToken(config: config["cls"])
    }

    func addedTokens(isPair: Bool) -> Int {
        isPair ? 3 : 2
    }

    func process(_ encodings: [Encoding], addSpecialTokens: Bool) -> [Encoding] {
        guard addSpecialTokens else { return encodings }
        return encodings.enumerated().map { index, encoding in
            var result = index == 0 ? cls.encoding : .empty
            result.append(encoding)
            var closing = sep.encoding
            closing.setTypeIds(index == 0 ? 0 : 1)
            result.append(closing)
            return result
        }
    }
}
