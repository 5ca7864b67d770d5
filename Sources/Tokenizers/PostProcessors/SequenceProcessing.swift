/// Applies several post-processors in order.
struct SequenceProcessing: PostProcessor {
    let processors: [any PostProcessor]

    init(config: Config) throws {
        processors = try config["processors"].requiredArray().compactMap(makePostProcessor)
    }

    func addedTokens(isPair: Bool) -> Int {
        processors.reduce(0) { $0 + $1.addedTokens(isPair: isPair) }
    }

    func process(_ encodings: [Encoding], addSpecialTokens: Bool) -> [Encoding] {
        processors.reduce(encodings) { $1.process($0, addSpecialTokens: addSpecialTokens) }
    }
}
