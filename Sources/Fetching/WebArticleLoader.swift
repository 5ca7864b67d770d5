import FactCheckCore
import Foundation
import Ingestion

/// Reads articles from pasted text, Markdown or HTML, and from URLs through the `SafeFetcher`; HTML is reduced to
/// its main text with libxml2, boilerplate left out.
public struct WebArticleLoader: ArticleLoader {
    public struct Configuration: Sendable {
        /// The longest article text accepted, in characters.
        public var maxCharacters: Int
        public init(maxCharacters: Int = 100_000) { self.maxCharacters = maxCharacters }
    }

    public let fetcher: SafeFetcher
    public let configuration: Configuration

    public init(fetcher: SafeFetcher = SafeFetcher(), configuration: Configuration = Configuration()) {
        self.fetcher = fetcher
        self.configuration = configuration
    }

    public func article(fromText text: String, title: String?) throws -> Article {
        guard !text.unicodeScalars.contains(where: { $0 == "\0" }) else { throw ArticleInputError.binary }
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw ArticleInputError.empty }
        if Self.looksLikeHTML(text) { return try article(fromHTML: text, url: nil, title: title) }
        var body = text.replacingOccurrences(of: "\r\n", with: "\n")
        var title = title
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false)
        if let first = lines.first, first.hasPrefix("# ") {  // a Markdown title
            title = title ?? first.dropFirst(2).trimmingCharacters(in: .whitespaces)
            body = lines.dropFirst().joined(separator: "\n")
        }
        if Self.looksLikeMarkdown(body) { body = DocumentReader.plainMarkdown(body) }
        return try checked(Article(text: body, title: title ?? Self.firstLine(of: body)))
    }

    public func article(fromURL url: String) async throws -> Article {
        let page: FetchedPage
        do {
            page = try await fetcher.fetch(url)
        } catch let error as FetchError {
            if error.isRefusedAddress { throw ArticleInputError.refusedAddress(error.description) }
            if error.isUnsupportedContentType { throw ArticleInputError.unsupportedContentType(error.description) }
            throw ArticleInputError.unfetchable(error.description)
        }
        guard page.isHTML else {
            var article = try self.article(fromText: page.text, title: nil)
            article.url = page.url
            return article
        }
        return try article(fromHTML: page.text, url: page.url, title: nil)
    }

    private func article(fromHTML html: String, url: String?, title: String?) throws -> Article {
        let extracted = HTMLTextExtractor.extract(html)
        return try checked(Article(text: extracted.text, title: title ?? extracted.title, url: url ?? extracted.canonicalURL,
                                   author: extracted.author, published: extracted.published.flatMap(DocumentReader.date),
                                   siteName: extracted.siteName))
    }

    private func checked(_ article: Article) throws -> Article {
        guard !article.text.isEmpty else { throw ArticleInputError.noText }
        guard article.text.count <= configuration.maxCharacters else { throw ArticleInputError.tooLong(limit: configuration.maxCharacters) }
        return article
    }

    static func looksLikeHTML(_ text: String) -> Bool {
        let head = text.prefix(2048).lowercased()
        return head.trimmingCharacters(in: .whitespacesAndNewlines).hasPrefix("<") && (head.contains("<html") || head.contains("<body")
            || head.contains("<p>") || head.contains("<!doctype") || head.contains("<div") || head.contains("<article"))
    }

    static func looksLikeMarkdown(_ text: String) -> Bool {
        text.range(of: #"(?m)^#{1,6} |\]\(https?://|^\s*[-*] |\*\*"#, options: .regularExpression) != nil
    }

    /// A plain-text article's first line, as its title when it is short and not a sentence.
    private static func firstLine(of text: String) -> String? {
        guard let line = text.split(separator: "\n").first?.trimmingCharacters(in: .whitespaces), line.count <= 150 else { return nil }
        return line.hasSuffix(".") ? nil : line
    }
}
