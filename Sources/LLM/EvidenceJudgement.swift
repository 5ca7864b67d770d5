import FactCheckCore

/// What the LLM judge says of numbered passages: each one's stance toward the claim with the words it rests on, and
/// an overall label.
public struct EvidenceJudgement: Sendable, Equatable, Decodable {
    public struct Passage: Sendable, Equatable, Decodable {
        /// The passage's number in the prompt (from 1).
        public var n: Int
        public var stance: String
        /// Words copied from the passage that show the stance (may be empty when it says nothing about the claim).
        public var quote: String

        public init(n: Int, stance: String, quote: String) {
            self.n = n
            self.stance = stance
            self.quote = quote
        }
    }

    public var passages: [Passage]
    public var overall: String

    public init(passages: [Passage], overall: String) {
        self.passages = passages
        self.overall = overall
    }

    /// The JSON schema the judge answers in.
    static let schema = JSONSchema(name: "evidence_judgement", json: """
        {"type": "object", "additionalProperties": false, "required": ["passages", "overall"],
         "properties": {
          "passages": {"type": "array", "items": {"type": "object", "additionalProperties": false, "required": ["n", "stance", "quote"],
            "properties": {"n": {"type": "integer"}, "stance": {"type": "string", "enum": ["supports", "refutes", "not_enough_info"]},
                           "quote": {"type": "string"}}}},
          "overall": {"type": "string", "enum": ["supports", "refutes", "not_enough_info"]}}}
        """)
}
