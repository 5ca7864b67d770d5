/// One claim of an article job checked: its place in the article's claims, its verdict and its fact check's slug.
public struct ArticleClaimProgress: Sendable, Codable, Equatable {
    public var index: Int
    public var verdict: Verdict
    public var slug: String?

    public init(index: Int, verdict: Verdict, slug: String?) {
        self.index = index
        self.verdict = verdict
        self.slug = slug
    }
}
