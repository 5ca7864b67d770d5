/// `<s> A </s>` and `<s> A </s> </s> B </s>`; every type id is 0.
struct RobertaProcessing: PostProcessor {
    let sep: SpecialToken
    let cls: SpecialToken

    init(config: Config) throws {
        sep = try SpecialToken(config: config["sep"])
        cls = try SpecialToken(config: config["cls"])
    }

    func addedTokens(isPair: Bool) -> Int {
        isPair ? 4 : 2
    }

    func process(_ encodings: [Encoding], addSpecialTokens: Bool) -> [Encoding] {
        let zeroed = encodings.map { encoding -> Encoding in
            var encoding = encoding
            encoding.setTypeIds(0)
            return encoding
        }
        guard addSpecialTokens else { return zeroed }
        return zeroed.enumerated().map { index, encoding in
            var result = index == 0 ? cls.encoding : sep.encoding
            result.append(encoding)
            result.append(sep.encoding)
            return result
        }
    }
}
