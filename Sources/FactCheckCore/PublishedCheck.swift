import Foundation

/// One published version of a fact check. Checking the same claim again publishes a new version under the same slug,
/// so a permalink always shows the latest version and the history stays visible.
public struct PublishedCheck: Sendable, Codable, Equatable, Identifiable {
    /// Unique per version.
    public var id: String
    /// The permalink name shared by every version of the check (`/fact-checks/<slug>`).
    public var slug: String
    /// 1 for the first check of a claim, then 2, 3, … for each "check again".
    public var version: Int
    public var report: Report
    public var publishedAt: Date

    public init(id: String, slug: String, version: Int, report: Report, publishedAt: Date) {
        self.id = id
        self.slug = slug
        self.version = version
        self.report = report
        self.publishedAt = publishedAt
    }
}
