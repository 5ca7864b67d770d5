/// Turns what a user gives (pasted text or HTML, a file's contents, a URL) into an `Article`.
public protocol ArticleLoader: Sendable {
    /// An article from text the user pasted or uploaded: plain text, Markdown or HTML (recognised by its markup).
    func article(fromText text: String, title: String?) throws -> Article
    /// An article from a web page, fetched safely; its main text, title, author and date.
    func article(fromURL url: String) async throws -> Article
}
