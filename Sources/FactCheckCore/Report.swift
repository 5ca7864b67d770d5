import Foundation

/// A written fact check: what `factcheck check --json` prints and the web app publishes.
public struct Report: Sendable, Codable, Equatable {
    /// A statement of What We Know, with the numbers of the sources that support it.
    public struct Fact: Sendable, Codable, Equatable {
        public var text: String
        public var citations: [Int]
        public init(text: String, citations: [Int]) {
            self.text = text
            self.citations = citations
        }
    }

    /// The Analysis paragraph about one source.
    public struct SourceAnalysis: Sendable, Codable, Equatable {
        public var source: Int
        public var text: String
        public init(source: Int, text: String) {
            self.source = source
            self.text = text
        }
    }

    /// A numbered source with the passage cited from it.
    public struct CitedSource: Sendable, Codable, Equatable {
        public var n: Int
        public var title: String
        public var url: String
        public var publisher: String?
        public var published: Date?
        public var stance: Stance
        public var passage: String
        public var credibility: Credibility
        public init(n: Int, title: String, url: String, publisher: String?, published: Date?, stance: Stance, passage: String, credibility: Credibility) {
            self.n = n
            self.title = title
            self.url = url
            self.publisher = publisher
            self.published = published
            self.stance = stance
            self.passage = passage
            self.credibility = credibility
        }
    }

    public var claim: String
    public var normalizedClaim: String
    public var date: Date
    public var verdict: Verdict
    public var confidence: Double
    public var summary: String
    public var whatWeKnow: [Fact]
    public var analysis: [SourceAnalysis]
    public var conclusion: String
    public var sources: [CitedSource]
    /// Milliseconds spent in each pipeline stage.
    public var timingsMs: [String: Double]
    /// How each evidence provider answered (empty in reports written before providers were recorded).
    public var providers: [ProviderOutcome]
    /// What the reader should know about how the check ran (an LLM that was asked but could not help).
    public var notes: [String] = []
    /// What the optional LLM did for this check (nil when none was asked).
    public var llm: LLMActivity?

    public init(claim: String, normalizedClaim: String, date: Date, verdict: Verdict, confidence: Double, summary: String,
                whatWeKnow: [Fact], analysis: [SourceAnalysis], conclusion: String, sources: [CitedSource], timingsMs: [String: Double],
                providers: [ProviderOutcome] = []) {
        self.claim = claim
        self.normalizedClaim = normalizedClaim
        self.date = date
        self.verdict = verdict
        self.confidence = confidence
        self.summary = summary
        self.whatWeKnow = whatWeKnow
        self.analysis = analysis
        self.conclusion = conclusion
        self.sources = sources
        self.timingsMs = timingsMs
        self.providers = providers
    }

    /// The notes, then what the LLM did, as the report's pages show them.
    public var readerNotes: [String] { notes + (llm.map { [$0.summary] } ?? []) }

    enum CodingKeys: String, CodingKey {
        case claim, date, verdict, confidence, summary, analysis, conclusion, sources
        case normalizedClaim = "normalized_claim"
        case whatWeKnow = "what_we_know"
        case timingsMs = "timings_ms"
        case providers, notes, llm
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        claim = try container.decode(String.self, forKey: .claim)
        normalizedClaim = try container.decode(String.self, forKey: .normalizedClaim)
        date = try container.decode(Date.self, forKey: .date)
        verdict = try container.decode(Verdict.self, forKey: .verdict)
        confidence = try container.decode(Double.self, forKey: .confidence)
        summary = try container.decode(String.self, forKey: .summary)
        whatWeKnow = try container.decode([Fact].self, forKey: .whatWeKnow)
        analysis = try container.decode([SourceAnalysis].self, forKey: .analysis)
        conclusion = try container.decode(String.self, forKey: .conclusion)
        sources = try container.decode([CitedSource].self, forKey: .sources)
        timingsMs = try container.decode([String: Double].self, forKey: .timingsMs)
        providers = try container.decodeIfPresent([ProviderOutcome].self, forKey: .providers) ?? []
        notes = try container.decodeIfPresent([String].self, forKey: .notes) ?? []
        llm = try container.decodeIfPresent(LLMActivity.self, forKey: .llm)
    }
}
