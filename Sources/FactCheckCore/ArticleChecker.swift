import Foundation

/// Checks an article: extracts its claims, checks them concurrently (each through the caller's `checkClaim`, which
/// runs the pipeline and may publish), and assembles the article report in the article's order.
public struct ArticleChecker: Sendable {
    public struct Configuration: Sendable {
        /// The most claims checked per article.
        public var maxClaims: Int
        /// Claims checked at once.
        public var concurrency: Int
        public init(maxClaims: Int = 20, concurrency: Int = 2) {
            self.maxClaims = maxClaims
            self.concurrency = concurrency
        }
    }

    /// What the checker is doing, for progress reports.
    public enum Progress: Sendable, Equatable {
        case extracting
        case extracted(claims: [ExtractedClaim])
        case checked(index: Int, claim: ArticleReport.CheckedClaim)
    }

    public let extractor: any ClaimExtractor
    public let configuration: Configuration

    public init(extractor: any ClaimExtractor, configuration: Configuration = Configuration()) {
        self.extractor = extractor
        self.configuration = configuration
    }

    /// The claims to check in `article`, at most `maxClaims`.
    public func claims(in article: Article) async throws -> [ExtractedClaim] {
        try await extractor.claims(in: article, limit: configuration.maxClaims)
    }

    /// Extracts the article's claims and checks them.
    /// - Parameter checkClaim: checks one claim (its standalone text) and returns its report and published slug, or `nil`
    ///   when the claim cannot be checked as a statement (it is then left out of the report).
    public func check(_ article: Article, date: Date = Date(), progress: @escaping @Sendable (Progress) -> Void = { _ in },
                      checkClaim: @escaping @Sendable (ExtractedClaim) async throws -> ArticleReport.CheckedClaim?) async throws -> ArticleReport {
        progress(.extracting)
        let start = DispatchTime.now()
        let claims = try await claims(in: article)
        let extracting = Self.milliseconds(start, DispatchTime.now())
        progress(.extracted(claims: claims))
        var report = try await check(article, claims: claims, date: date, progress: progress, checkClaim: checkClaim)
        report.timingsMs["extracting"] = extracting
        return report
    }

    /// Checks claims already extracted from `article`, `configuration.concurrency` at a time, and reports them in order.
    public func check(_ article: Article, claims: [ExtractedClaim], date: Date = Date(), progress: @escaping @Sendable (Progress) -> Void = { _ in },
                      checkClaim: @escaping @Sendable (ExtractedClaim) async throws -> ArticleReport.CheckedClaim?) async throws -> ArticleReport {
        let start = DispatchTime.now()
        var checked = [ArticleReport.CheckedClaim?](repeating: nil, count: claims.count)
        try await withThrowingTaskGroup(of: (Int, ArticleReport.CheckedClaim?).self) { group in
            var next = 0
            func addTask() {
                let index = next, claim = claims[index]
                group.addTask { (index, try await checkClaim(claim)) }
                next += 1
            }
            while next < min(max(1, configuration.concurrency), claims.count) { addTask() }
            while let (index, result) = try await group.next() {
                checked[index] = result
                if let result { progress(.checked(index: index, claim: result)) }
                if next < claims.count { addTask() }
            }
        }
        return ArticleReport(article: article, date: date, claims: checked.compactMap { $0 },
                             timingsMs: ["checking": Self.milliseconds(start, DispatchTime.now())])
    }

    private static func milliseconds(_ from: DispatchTime, _ to: DispatchTime) -> Double {
        Double(to.uptimeNanoseconds - from.uptimeNanoseconds) / 1e6
    }
}
