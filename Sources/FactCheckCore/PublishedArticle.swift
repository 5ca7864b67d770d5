import Foundation

/// A published article check: the article, its claims with their verdicts and links to their own fact checks.
public struct PublishedArticle: Sendable, Codable, Equatable, Identifiable {
    public var id: String
    /// The permalink name (`/articles/<slug>`).
    public var slug: String
    public var report: ArticleReport
    public var publishedAt: Date

    public init(id: String, slug: String, report: ArticleReport, publishedAt: Date) {
        self.id = id
        self.slug = slug
        self.report = report
        self.publishedAt = publishedAt
    }
}
