import Foundation

/// A `FactCheckArchive` in memory: for tests and for trying the web app without a database.
public actor InMemoryFactCheckArchive: FactCheckArchive {
    private var checks: [PublishedCheck] = []
    private var embeddings: [String: [Float]] = [:]
    private var commentsByID: [Int64: Comment] = [:]
    private var nextCommentID: Int64 = 1
    private var publishedArticles: [PublishedArticle] = []

    public init() {}

    public func publish(_ report: Report, claimEmbedding: [Float]) -> PublishedCheck {
        let key = ClaimKey.matchKey(report.normalizedClaim)
        let slug: String
        let version: Int
        if let previous = latest.first(where: { ClaimKey.matchKey($0.report.normalizedClaim) == key }) {
            slug = previous.slug
            version = previous.version + 1
        } else {
            slug = uniqueSlug(ClaimKey.slug(report.normalizedClaim))
            version = 1
        }
        let check = PublishedCheck(id: UUID().uuidString.lowercased(), slug: slug, version: version, report: report, publishedAt: Date())
        checks.append(check)
        embeddings[check.id] = claimEmbedding
        return check
    }

    public func check(id: String) -> PublishedCheck? { checks.first { $0.id == id } }

    public func check(slug: String, version: Int?) -> PublishedCheck? {
        versions(slug: slug).first { version == nil || $0.version == version }
    }

    public func versions(slug: String) -> [PublishedCheck] {
        checks.filter { $0.slug == slug }.sorted { $0.version > $1.version }
    }

    public func list(_ page: PageRequest, verdict: Verdict?) -> ResultPage<PublishedCheck> {
        Self.page(of: latest.filter { verdict == nil || $0.report.verdict == verdict }, page)
    }

    public func search(_ query: String, limit: Int) -> [PublishedCheck] {
        let terms = Set(ClaimKey.matchKey(query).split(separator: " "))
        guard !terms.isEmpty else { return [] }
        let scored = latest.map { check in
            (check, Set(ClaimKey.matchKey(check.report.claim + " " + check.report.summary).split(separator: " ")).intersection(terms).count)
        }
        return scored.filter { $0.1 > 0 }.sorted { $0.1 > $1.1 }.prefix(limit).map(\.0)
    }

    public func check(matchKey: String) -> PublishedCheck? {
        latest.first { ClaimKey.matchKey($0.report.normalizedClaim) == matchKey }
    }

    public func nearest(to embedding: [Float]) -> (check: PublishedCheck, similarity: Float)? {
        latest.compactMap { check -> (PublishedCheck, Float)? in
            guard let vector = embeddings[check.id], vector.count == embedding.count, !vector.isEmpty else { return nil }
            return (check, zip(vector, embedding).reduce(0) { $0 + $1.0 * $1.1 })
        }.max { $0.1 < $1.1 }.map { (check: $0.0, similarity: $0.1) }
    }

    public func addComment(slug: String, name: String, text: String, at date: Date) -> Comment {
        let comment = Comment(id: nextCommentID, slug: slug, name: name, text: text, postedAt: date)
        commentsByID[comment.id] = comment
        nextCommentID += 1
        return comment
    }

    public func comments(slug: String, includeHidden: Bool, page: PageRequest, order: CommentOrder) -> ResultPage<Comment> {
        let matching = commentsByID.values.filter { $0.slug == slug && (includeHidden || !$0.hidden) }
        return Self.page(of: matching.sorted { order == .oldestFirst ? $0.id < $1.id : $0.id > $1.id }, page)
    }

    public func reportComment(id: Int64, hideAfter: Int) -> Comment? {
        guard var comment = commentsByID[id] else { return nil }
        comment.reports += 1
        if comment.reports >= hideAfter { comment.hidden = true }
        commentsByID[id] = comment
        return comment
    }

    public func deleteComment(id: Int64) -> Comment? { commentsByID.removeValue(forKey: id) }

    /// The latest version of each slug, newest first.
    private var latest: [PublishedCheck] {
        var seen = Set<String>()
        return checks.reversed().filter { seen.insert($0.slug).inserted }
    }

    private static func page<Item>(of items: [Item], _ request: PageRequest) -> ResultPage<Item> {
        ResultPage(items: Array(items.dropFirst(request.offset).prefix(request.perPage)), request: request, total: items.count)
    }

    private func uniqueSlug(_ base: String) -> String { ClaimKey.uniqueSlug(base) { slug in checks.contains { $0.slug == slug } } }

    public func publishArticle(_ report: ArticleReport) -> PublishedArticle {
        let slug = ClaimKey.uniqueSlug(ClaimKey.slug(report.article.title ?? "article")) { slug in publishedArticles.contains { $0.slug == slug } }
        let article = PublishedArticle(id: UUID().uuidString.lowercased(), slug: slug, report: report, publishedAt: Date())
        publishedArticles.append(article)
        return article
    }

    public func article(idOrSlug: String) -> PublishedArticle? { publishedArticles.first { $0.id == idOrSlug || $0.slug == idOrSlug } }

    public func articles(_ page: PageRequest) -> ResultPage<PublishedArticle> { Self.page(of: publishedArticles.reversed(), page) }

    public func revision(slug: String) -> Int64? { nil }

    public func checkReady() {}
}
