import FactCheckCore
import Foundation

/// Scores a source by who publishes it: its type from the bundled publisher table (or suffix rules such
/// as `.gov` and `.ac.uk`; for a document without a web address, the publisher it names), blended with the domain's news-quality rating of Lin et al. 2023 when a
/// ratings file is configured and rates the domain.
///
/// Score = prior(type) when the domain is unrated, else (1 − w)·prior(type) + w·pc1 with
/// w = `Configuration.ratingWeight` (0.5 by default). The most specific rating applies: a rated part of the
/// site in the source's URL (`cato.org/blog`), else the host or its nearest rated parent domain. A
/// user-content platform's own rating (e.g. `youtube.com`, `medium.com`) is not applied to what its users
/// post; a rating of a specific blog or page (`name.wordpress.com`, `facebook.com/somepage`) is.
public struct DomainCredibilityScorer: CredibilityScorer {
    public let configuration: Configuration
    /// The ratings in use, with any lines skipped as malformed; `nil` without a ratings file.
    public let ratings: DomainQualityRatings?
    private let table: DomainTable

    /// Loads the bundled publisher table and, if configured, the ratings file.
    /// - Throws: `CredibilityError` when the ratings file is missing or unreadable.
    public init(configuration: Configuration = Configuration()) throws {
        self.configuration = configuration
        table = try DomainTable.bundled()
        ratings = try configuration.ratingsFile.map { try DomainQualityRatings(contentsOf: URL(fileURLWithPath: $0)) }
    }

    public func credibility(of source: Source) -> Credibility {
        let host = DomainName.host(domain: source.domain, url: source.url)
        // A document without a web address (a local file) is known by the publisher it names; a web page is not,
        // since any site can claim a famous name.
        let hasWebAddress = source.url.hasPrefix("http://") || source.url.hasPrefix("https://")
        let entry = table.entry(forHost: host) ?? (hasWebAddress ? nil : source.publisher.flatMap(table.entry(forPublisher:)))
        let type = entry?.type ?? .unknown
        let prior = configuration.priors[type] ?? Configuration.defaultPriors[type]!
        let name = entry?.publisher ?? source.publisher ?? (host.isEmpty ? "no web address" : host)
        var reason = Self.reason(for: type, name: name)
        guard let rating = rating(forHost: host, url: source.url, entry: entry) else {
            return Credibility(type: type, score: prior, reason: reason)
        }
        let weight = configuration.ratingWeight
        let score = min(1, max(0, (1 - weight) * prior + weight * rating))
        reason.removeLast() // the full stop
        reason += " (rated \(String(format: "%.2f", rating)) of 1 for news quality by Lin et al. 2023, PNAS Nexus)."
        return Credibility(type: type, score: score, reason: reason)
    }

    /// The rating of the most specific rated site: URL path first (`facebook.com/somepage`), then the host
    /// and its parents; on a user-content platform, only sites more specific than the platform itself.
    private func rating(forHost host: String, url: String, entry: DomainTable.Entry?) -> Double? {
        guard let ratings, entry == nil || !configuration.ratesUnlistedDomainsOnly else { return nil }
        var candidates = DomainName.pathCandidates(host: host, url: url) + DomainName.candidates(of: host)
        if let entry, entry.type == .blog || entry.type == .socialMedia {
            candidates = candidates.filter { $0.contains("/") || $0.count > entry.domain.count }
        }
        return ratings.rating(amongCandidates: candidates)
    }

    /// One sentence on what kind of evidence the publisher gives.
    private static func reason(for type: SourceType, name: String) -> String {
        switch type {
        case .official:
            "Primary source: the official record of \(name); strong evidence for what it states."
        case .intergovernmental:
            "Primary source: the official record of \(name), an intergovernmental organisation; strong evidence for its own decisions, membership and data."
        case .wireService:
            "Wire service (\(name)): fact-focused reporting with strict corrections policies."
        case .newspaper:
            "Newspaper or broadcaster (\(name)): edited reporting with a corrections policy; check whether it cites primary sources."
        case .factChecker:
            "Fact-checking organisation (\(name)): published, sourced verdicts on claims; its rating of the same claim is strong evidence, though claims reviewed in other words may differ."
        case .academic:
            "Academic source (\(name)): scholarly research or a university publication; strong evidence in its field, though one study is rarely the last word."
        case .encyclopedia:
            "Encyclopedia anyone can edit (\(name)): a good overview, but verify against the primary sources it cites."
        case .thinkTank:
            "Think tank (\(name)): often well-researched, but may reflect its funders' or its own policy positions."
        case .blog:
            "Blog or self-published site (\(name)): no editorial oversight; verify its claims against primary sources."
        case .socialMedia:
            "Social media (\(name)): anyone can post; treat it as a lead to check, not as evidence."
        case .unknown:
            "Unknown publisher (\(name)): not a publisher FactCheck recognises; weigh it by the evidence it cites."
        }
    }
}
