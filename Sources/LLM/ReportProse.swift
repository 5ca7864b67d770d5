import FactCheckCore

/// The prose the model writes for a report, every factual sentence ending in its sources' numbers (`[1]`, `[1, 3]`).
struct ReportProse: Sendable, Equatable, Decodable {
    struct SourceText: Sendable, Equatable, Decodable {
        var source: Int
        var text: String
    }

    var summary: String
    var whatWeKnow: [String]
    var analysis: [SourceText]
    var conclusion: String

    enum CodingKeys: String, CodingKey {
        case summary, analysis, conclusion
        case whatWeKnow = "what_we_know"
    }

    static let schema = JSONSchema(name: "report_prose", json: """
        {"type": "object", "additionalProperties": false, "required": ["summary", "what_we_know", "analysis", "conclusion"],
         "properties": {
          "summary": {"type": "string"},
          "what_we_know": {"type": "array", "items": {"type": "string"}},
          "analysis": {"type": "array", "items": {"type": "object", "additionalProperties": false, "required": ["source", "text"],
            "properties": {"source": {"type": "integer"}, "text": {"type": "string"}}}},
          "conclusion": {"type": "string"}}}
        """)
}
