/// Special tokens and type ids placed according to `single`/`pair` templates.
struct TemplateProcessing: PostProcessor {
    private enum Piece {
        case sequence(isFirst: Bool, typeId: Int32)
        case specialToken(Encoding)
    }

    private let single: [Piece]
    private let pair: [Piece]

    init(config: Config) throws {
        var specials: [String: Encoding] = [:]
        for (name, entry) in try config["special_tokens"].requiredObject() {
            let ids = try entry["ids"].requiredArray().map { item -> Int32 in
                guard let id = item.int, let id32 = Int32(exactly: id) else { throw item.invalid("must be a token id") }
                return id32
            }
            let tokens = try entry["tokens"].requiredArray().map { try $0.requiredString() }
            guard ids.count == tokens.count else {
                throw entry.invalid("must have as many ids as tokens")
            }
            specials[name] = Encoding(
                ids: ids,
                typeIds: Array(repeating: 0, count: ids.count),
                attentionMask: Array(repeating: 1, count: ids.count),
                tokens: tokens
            )
        }
        single = try Self.template(config["single"], specials: specials)
        pair = try Self.template(config["pair"], specials: specials)
    }

    private static func template(_ config: Config, specials: [String: Encoding]) throws -> [Piece] {
        try config.requiredArray().map { item in
            if !item["Sequence"].isNull {
                let entry = item["Sequence"]
                let id = try entry["id"].requiredString()
                guard id == "A" || id == "B" else { throw entry["id"].invalid("must be \"A\" or \"B\"") }
                return .sequence(isFirst: id == "A", typeId: try typeId(entry["type_id"]))
            }
            if !item["SpecialToken"].isNull {
                let entry = item["SpecialToken"]
                let name = try entry["id"].requiredString()
                guard var encoding = specials[name] else {
                    throw entry["id"].invalid("'\(name)' is not in special_tokens")
                }
                encoding.setTypeIds(try typeId(entry["type_id"]))
                return .specialToken(encoding)
            }
            throw item.invalid("must be a Sequence or SpecialToken piece")
        }
    }

    private static func typeId(_ config: Config) throws -> Int32 {
        guard let value = try config.int(default: 0), let typeId = Int32(exactly: value) else {
            throw config.invalid("must be a type id")
        }
        return typeId
    }

    func addedTokens(isPair: Bool) -> Int {
        (isPair ? pair : single).reduce(0) { total, piece in
            if case .specialToken(let encoding) = piece { return total + encoding.count }
            return total
        }
    }

    func process(_ encodings: [Encoding], addSpecialTokens: Bool) -> [Encoding] {
        let template = encodings.count >= 2 ? pair : single
        return template.compactMap { piece in
            switch piece {
            case let .sequence(isFirst, typeId):
                let index = isFirst ? 0 : 1
                guard index < encodings.count else { return nil }
                var encoding = encodings[index]
                encoding.setTypeIds(typeId)
                return encoding
            case .specialToken(let encoding):
                return addSpecialTokens ? encoding : nil
            }
        }
    }
}
