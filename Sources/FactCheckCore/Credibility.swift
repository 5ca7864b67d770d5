/// The kind of publisher a source is.
public enum SourceType: String, Sendable, Codable, CaseIterable {
    case official = "official"                  // government, primary source
    case intergovernmental = "intergovernmental" // UN, NATO, WHO, EU…
    case wireService = "wire_service"
    case newspaper = "newspaper"                // newspapers and broadcasters
    case factChecker = "fact_checker"           // fact-checking organisations (PolitiFact, Snopes, AFP Fact Check…)
    case academic = "academic"                  // journals, universities, scholarly databases
    case encyclopedia = "encyclopedia"          // anyone can edit
    case thinkTank = "think_tank"
    case blog = "blog"                          // blogs, SEO and affiliate sites
    case socialMedia = "social_media"
    case unknown = "unknown"

    /// How the type reads on a page.
    public var displayName: String {
        switch self {
        case .official: "Primary / official source"
        case .intergovernmental: "Intergovernmental organisation"
        case .wireService: "Wire service"
        case .newspaper: "Newspaper / broadcaster"
        case .factChecker: "Fact-checking organisation"
        case .academic: "Academic / journal"
        case .encyclopedia: "Encyclopedia anyone can edit"
        case .thinkTank: "Think tank"
        case .blog: "Blog / commercial site"
        case .socialMedia: "Social media"
        case .unknown: "Unknown publisher"
        }
    }
}

/// How far a source can be trusted, and why.
public struct Credibility: Sendable, Codable, Equatable {
    public var type: SourceType
    /// 0 (unreliable) … 1 (highly reliable).
    public var score: Double
    /// One sentence a reader can follow, e.g. "Primary source: the organisation's own statement."
    public var reason: String

    public init(type: SourceType, score: Double, reason: String) {
        self.type = type
        self.score = score
        self.reason = reason
    }
}
