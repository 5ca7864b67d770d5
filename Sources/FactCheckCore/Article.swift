import Foundation

/// A document to check claim by claim: pasted text, a file, or a web page's main text, with what is known of it.
public struct Article: Sendable, Codable, Equatable {
    /// The text the claims are extracted from and highlighted in; spans refer to it.
    public var text: String
    public var title: String?
    /// Where the text came from, when it was fetched or given as a URL.
    public var url: String?
    public var author: String?
    public var published: Date?
    public var siteName: String?

    public init(text: String, title: String? = nil, url: String? = nil, author: String? = nil, published: Date? = nil, siteName: String? = nil) {
        self.text = text
        self.title = title
        self.url = url
        self.author = author
        self.published = published
        self.siteName = siteName
    }

    enum CodingKeys: String, CodingKey {
        case text, title, url, author, published
        case siteName = "site_name"
    }
}
