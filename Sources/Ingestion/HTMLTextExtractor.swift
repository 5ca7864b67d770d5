import CLibXML2
import Foundation

/// Extracts an article's main text and metadata from HTML with libxml2's HTML parser (the error-recovering parser
/// browsers' rules inspired; linear in the input, whatever is left unclosed): scripts, styles, navigation, headers,
/// footers, asides and forms are dropped; `<article>` or `<main>` is preferred when present; block elements become
/// paragraph breaks; character references are decoded; short link-like lines (menus, buttons) are dropped; so are
/// elements that are hidden or whose role, class or id marks page furniture (cookie banners, share bars, comment
/// sections, related links, advertisements, affiliate notices, "scroll to top"). The author and publication date
/// are read from meta tags, JSON-LD and `<time>`.
public enum HTMLTextExtractor {
    public struct Extracted: Sendable, Equatable {
        public var title: String?
        public var text: String
        public var canonicalURL: String?
        public var siteName: String?
        public var published: String?
        public var author: String?
    }

    static let droppedElements: Set<String> = ["script", "style", "noscript", "nav", "header", "footer", "aside", "form", "svg", "iframe",
                                               "template", "button", "select", "head", "title"]
    static let blockElements: Set<String> = ["p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr", "section",
                                             "article", "main", "blockquote", "pre", "table", "dd", "dt", "figcaption", "hr"]

    public static func extract(_ html: String) -> Extracted {
        guard let document = parse(html) else { return Extracted(title: nil, text: "") }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document) else { return Extracted(title: nil, text: "") }
        var metadata = Metadata()
        metadata.read(root)
        let body = metadata.article ?? metadata.main ?? root
        var text = ""
        appendText(of: body, to: &text)
        let paragraphs = text.components(separatedBy: "\n\n")
            .map { $0.split(whereSeparator: isSeparator).joined(separator: " ") }
            .filter { paragraph in
                // Keep prose: long enough, or ending like a sentence.
                paragraph.count >= 40 || (paragraph.count >= 12 && ".!?\"”".contains(paragraph.last ?? " "))
            }
        let title = (metadata.title ?? metadata.heading).map { title in
            var words = title.split(whereSeparator: isSeparator).joined(separator: " ")
            for separator in [" - ", " | ", " – ", " — "] {  // "Headline - Site Name"
                if let siteName = metadata.siteName, words.hasSuffix(separator + siteName) { words = String(words.dropLast(separator.count + siteName.count)) }
            }
            return words
        }
        return Extracted(title: title, text: paragraphs.joined(separator: "\n\n"), canonicalURL: metadata.canonicalURL,
                         siteName: metadata.siteName, published: metadata.published, author: metadata.author)
    }

    /// The text of an HTML fragment ("<p>In 1603, the <em>Tokugawa</em> …") on one line, references decoded.
    public static func plainText(ofFragment html: String) -> String {
        guard let document = parse("<html><body>\(html)</body></html>") else { return "" }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document) else { return "" }
        var text = ""
        appendText(of: root, to: &text)
        return text.split(whereSeparator: isSeparator).joined(separator: " ")
    }

    /// What the page says about itself, read in one pass over the tree.
    private struct Metadata {
        var title: String?
        var heading: String?
        var canonicalURL: String?
        var siteName: String?
        var published: String?
        var author: String?
        var article: xmlNodePtr?
        var main: xmlNodePtr?

        mutating func read(_ node: xmlNodePtr) {
            var child = node.pointee.children
            while let current = child {
                if current.pointee.type == XML_ELEMENT_NODE {
                    let name = HTMLTextExtractor.name(of: current)
                    switch name {
                    case "title" where title == nil: title = HTMLTextExtractor.textContent(current)
                    case "h1" where heading == nil: heading = HTMLTextExtractor.textContent(current)
                    case "article" where article == nil: article = current
                    case "main" where main == nil: main = current
                    case "link" where HTMLTextExtractor.attribute("rel", of: current)?.lowercased() == "canonical":
                        canonicalURL = canonicalURL ?? HTMLTextExtractor.attribute("href", of: current)
                    case "meta":
                        let key = (HTMLTextExtractor.attribute("property", of: current) ?? HTMLTextExtractor.attribute("name", of: current))?.lowercased()
                        let content = HTMLTextExtractor.attribute("content", of: current)
                        if key == "og:site_name" { siteName = siteName ?? content }
                        if ["article:published_time", "date", "dc.date", "dcterms.created", "datepublished", "pubdate"].contains(key) {
                            published = published ?? content
                        }
                        if ["author", "article:author", "dc.creator", "byl"].contains(key), content?.contains("://") == false {
                            author = author ?? content.map { $0.hasPrefix("By ") ? String($0.dropFirst(3)) : $0 }
                        }
                    case "script" where HTMLTextExtractor.attribute("type", of: current)?.lowercased() == "application/ld+json":
                        readLinkedData(HTMLTextExtractor.rawText(current))
                    case "time" where published == nil: published = HTMLTextExtractor.attribute("datetime", of: current)
                    default: break
                    }
                    read(current)
                }
                child = current.pointee.next
            }
        }

        /// Fills what is missing from schema.org JSON-LD: `datePublished`, `author.name`, `headline`, `publisher.name`.
        private mutating func readLinkedData(_ json: String) {
            guard json.utf8.count < 1 << 20, let parsed = try? JSONSerialization.jsonObject(with: Data(json.utf8)) else { return }
            var objects: [[String: Any]] = []
            func collect(_ value: Any) {
                if let object = value as? [String: Any] {
                    objects.append(object)
                    if let graph = object["@graph"] { collect(graph) }
                } else if let array = value as? [Any] {
                    array.prefix(50).forEach(collect)
                }
            }
            collect(parsed)
            for object in objects {
                published = published ?? (object["datePublished"] as? String)
                if author == nil {
                    let value = (object["author"] as? [Any])?.first ?? object["author"]
                    author = (value as? [String: Any])?["name"] as? String ?? value as? String
                }
                siteName = siteName ?? ((object["publisher"] as? [String: Any])?["name"] as? String)
                heading = heading ?? (object["headline"] as? String)
            }
        }
    }

    /// Parses with recovery, without network access, errors or warnings; the input is UTF-8.
    private static func parse(_ html: String) -> htmlDocPtr? {
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue)
        let length = html.utf8.count
        guard length > 0, length < Int(Int32.max) else { return nil }
        return html.withCString { htmlReadMemory($0, Int32(length), nil, "UTF-8", options) }
    }

    /// Text of the subtree in document order, dropped elements left out, block elements set apart as paragraphs.
    private static func appendText(of node: xmlNodePtr, to text: inout String) {
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content { text += String(cString: content) }
            case XML_ELEMENT_NODE:
                let name = self.name(of: current)
                if !droppedElements.contains(name), !isFurniture(current) {
                    let block = blockElements.contains(name)
                    if block { text += "\n\n" }
                    appendText(of: current, to: &text)
                    if block { text += "\n\n" }
                }
            default:
                break
            }
            child = current.pointee.next
        }
    }

    /// Words in a class or id that mark page furniture (matched against the parts of a class name, plural or not).
    static let furnitureMarkers: Set<String> = ["cookie", "consent", "banner", "share", "sharing", "social", "comment", "related", "advert",
                                                "advertisement", "ad", "sponsor", "promo", "newsletter", "subscribe", "subscription",
                                                "sidebar", "menu", "breadcrumb", "popup", "modal", "affiliate", "disclosure",
                                                "signup", "paywall", "widget", "scrolltop", "scrolltotop", "backtotop"]
    static let furnitureRoles: Set<String> = ["navigation", "banner", "contentinfo", "complementary", "dialog", "alertdialog", "search"]
    /// Elements that hold the content itself: never dropped for their class names.
    static let contentElements: Set<String> = ["html", "body", "main", "article"]

    /// Hidden, or marked as navigation, a banner, a sidebar, comments or an advertisement.
    private static func isFurniture(_ node: xmlNodePtr) -> Bool {
        if attribute("hidden", of: node) != nil || attribute("aria-hidden", of: node)?.lowercased() == "true" { return true }
        if let role = attribute("role", of: node)?.lowercased(), furnitureRoles.contains(role) { return true }
        if let style = attribute("style", of: node)?.lowercased().filter({ !$0.isWhitespace }), style.contains("display:none") { return true }
        guard !contentElements.contains(name(of: node)) else { return false }
        let names = ((attribute("class", of: node) ?? "") + " " + (attribute("id", of: node) ?? "")).lowercased()
        return names.split(whereSeparator: { $0.isWhitespace }).contains { word in
            let joined = word.filter { $0 != "-" && $0 != "_" }
            return furnitureMarkers.contains(String(joined)) || word.split(whereSeparator: { $0 == "-" || $0 == "_" }).contains { part in
                furnitureMarkers.contains(String(part)) || part.hasSuffix("s") && furnitureMarkers.contains(String(part.dropLast()))
            }
        }
    }

    /// The text of a node's children as is (a script's JSON).
    private static func rawText(_ node: xmlNodePtr) -> String { content(from: node.pointee.children) }

    /// The content of `first` and its siblings, joined: an element's raw text, or an attribute's value.
    private static func content(from first: xmlNodePtr?) -> String {
        var text = ""
        var child = first
        while let current = child {
            if let content = current.pointee.content { text += String(cString: content) }
            child = current.pointee.next
        }
        return text
    }

    private static func name(of node: xmlNodePtr) -> String {
        node.pointee.name.map { String(cString: $0).lowercased() } ?? ""
    }

    private static func textContent(_ node: xmlNodePtr) -> String? {
        var text = ""
        appendText(of: node, to: &text)
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }

    /// The value of attribute `name` (lower-case), read from the node's attribute list.
    private static func attribute(_ name: String, of node: xmlNodePtr) -> String? {
        var property = node.pointee.properties
        while let current = property {
            if let attributeName = current.pointee.name, String(cString: attributeName).lowercased() == name {
                return content(from: current.pointee.children)
            }
            property = current.pointee.next
        }
        return nil
    }

    /// White space, and control characters (which are never text), end a word.
    private static func isSeparator(_ character: Character) -> Bool {
        character.isWhitespace || character.unicodeScalars.contains { $0.properties.generalCategory == .control }
    }
}
