import Foundation

/// Where published fact checks, article checks and comments are kept (SQLite by default; an in-memory one for tests).
public protocol FactCheckArchive: Sendable {
    /// Publishes `report`: version 1 under a new slug, or the next version of the check with the same match key.
    /// - Parameter claimEmbedding: the normalised claim's unit vector, kept for instant answers (may be empty).
    func publish(_ report: Report, claimEmbedding: [Float]) async throws -> PublishedCheck
    /// The version with this id.
    func check(id: String) async throws -> PublishedCheck?
    /// The latest version under `slug`, or a given `version`.
    func check(slug: String, version: Int?) async throws -> PublishedCheck?
    /// Every version under `slug`, newest first.
    func versions(slug: String) async throws -> [PublishedCheck]
    /// The latest version of each check, newest first, optionally only those with `verdict`.
    func list(_ page: PageRequest, verdict: Verdict?) async throws -> ResultPage<PublishedCheck>
    /// Full-text search over the latest versions' claims and summaries, best match first.
    func search(_ query: String, limit: Int) async throws -> [PublishedCheck]
    /// The latest check whose normalised claim has this `ClaimKey.matchKey`.
    func check(matchKey: String) async throws -> PublishedCheck?
    /// The latest check whose claim embedding is most similar (cosine) to `embedding`, with the similarity.
    func nearest(to embedding: [Float]) async throws -> (check: PublishedCheck, similarity: Float)?

    /// Stores a comment under `slug`.
    func addComment(slug: String, name: String, text: String, at date: Date) async throws -> Comment
    /// A page of the comments under `slug` in `order`; hidden ones only when `includeHidden`.
    func comments(slug: String, includeHidden: Bool, page: PageRequest, order: CommentOrder) async throws -> ResultPage<Comment>
    /// Counts one report against a comment and hides it at `hideAfter` reports; nil when there is no such comment.
    func reportComment(id: Int64, hideAfter: Int) async throws -> Comment?
    /// Deletes a comment and returns it; nil when there was none.
    func deleteComment(id: Int64) async throws -> Comment?

    /// Publishes an article check under a new slug made from its title.
    func publishArticle(_ report: ArticleReport) async throws -> PublishedArticle
    /// The article check with this id or slug.
    func article(idOrSlug: String) async throws -> PublishedArticle?
    /// Article checks, newest first.
    func articles(_ page: PageRequest) async throws -> ResultPage<PublishedArticle>

    /// A number that changes whenever the checks or comments under `slug` change, through any process, so a page
    /// cached by one instance is known stale when another changed it; nil when this process makes every change
    /// (it invalidates its own cache).
    func revision(slug: String) async throws -> Int64?

    /// Returns when the archive can serve requests now (reachable, its schema current); otherwise throws why not.
    func checkReady() async throws
}
