import Foundation

/// An article checked claim by claim: each extracted claim with its verdict and report, and the overall rating.
public struct ArticleReport: Sendable, Codable, Equatable {
    /// One claim of the article and what its check found.
    public struct CheckedClaim: Sendable, Codable, Equatable {
        public var claim: ExtractedClaim
        public var report: Report
        /// The published fact check's address (`/fact-checks/<slug>`), once published.
        public var slug: String?

        public init(claim: ExtractedClaim, report: Report, slug: String? = nil) {
            self.claim = claim
            self.report = report
            self.slug = slug
        }
    }

    public var article: Article
    public var date: Date
    /// In the article's order.
    public var claims: [CheckedClaim]
    /// Milliseconds spent extracting and checking.
    public var timingsMs: [String: Double]

    public init(article: Article, date: Date, claims: [CheckedClaim], timingsMs: [String: Double] = [:]) {
        self.article = article
        self.date = date
        self.claims = claims
        self.timingsMs = timingsMs
    }

    /// How many claims got each verdict, in the scale's order, verdicts with none left out.
    public var verdictCounts: [(verdict: Verdict, count: Int)] {
        Verdict.allCases.compactMap { verdict in
            let count = claims.filter { $0.report.verdict == verdict }.count
            return count > 0 ? (verdict, count) : nil
        }
    }

    /// The overall rating in words: "3 of 14 claims false or outdated; 2 misleading; 6 true or mostly true; 3 unverifiable."
    public var rating: String {
        guard !claims.isEmpty else { return "No check-worthy claims were found." }
        func count(_ verdicts: Set<Verdict>) -> Int { claims.filter { verdicts.contains($0.report.verdict) }.count }
        var parts = ["\(count([.false, .mostlyFalse, .outdated])) of \(claims.count) claim\(claims.count == 1 ? "" : "s") false or outdated"]
        let misleading = count([.misleading]), accurate = count([.true, .mostlyTrue]), unverifiable = count([.unverifiable])
        if misleading > 0 { parts.append("\(misleading) misleading") }
        if accurate > 0 { parts.append("\(accurate) true or mostly true") }
        if unverifiable > 0 { parts.append("\(unverifiable) unverifiable") }
        return parts.joined(separator: "; ") + "."
    }

    enum CodingKeys: String, CodingKey {
        case article, date, claims, rating
        case verdictCounts = "verdict_counts"
        case timingsMs = "timings_ms"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        article = try container.decode(Article.self, forKey: .article)
        date = try container.decode(Date.self, forKey: .date)
        claims = try container.decode([CheckedClaim].self, forKey: .claims)
        timingsMs = try container.decodeIfPresent([String: Double].self, forKey: .timingsMs) ?? [:]
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(article, forKey: .article)
        try container.encode(date, forKey: .date)
        try container.encode(claims, forKey: .claims)
        try container.encode(rating, forKey: .rating)
        try container.encode(Dictionary(uniqueKeysWithValues: verdictCounts.map { ($0.verdict.rawValue, $0.count) }), forKey: .verdictCounts)
        try container.encode(timingsMs, forKey: .timingsMs)
    }
}

extension ArticleReport.CheckedClaim {
    enum CodingKeys: String, CodingKey {
        case claim, report, slug
    }
}
