/// A `["token", id]` pair as used by Bert/Roberta processing.
struct SpecialToken: Sendable {
    let token: String
    let id: Int32

    init(config: Config) throws {
        guard let pair = config.array, pair.count == 2, let token = pair[0].string,
              let id = pair[1].int, let id32 = Int32(exactly: id) else {
            if config.isNull { throw config.missing() }
            throw config.invalid("must be a [\"token\", id] pair")
        }
        self.token = token
        self.id = id32
    }

    var encoding: Encoding {
        Encoding(ids: [id], typeIds: [0], attentionMask: [1], tokens: [token])
    }
}
