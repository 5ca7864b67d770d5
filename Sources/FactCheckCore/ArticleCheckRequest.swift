import Foundation

/// An article submitted for checking, with the claims already extracted from it (in the article's order) and its
/// match key: the same article submitted again while it is being checked joins that job.
public struct ArticleCheckRequest: Sendable, Codable, Equatable {
    public var article: Article
    public var claims: [ExtractedClaim]
    public var matchKey: String

    public init(article: Article, claims: [ExtractedClaim]) {
        self.article = article
        self.claims = claims
        let identity = (article.url ?? "") + "\n" + (article.title ?? "") + "\n" + article.text
        matchKey = "article:" + FileDigest.sha256Hex(of: Data(identity.utf8))
    }
}
