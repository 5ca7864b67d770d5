import CLibXML2
import Foundation

/// Extracts an article's main text and metadata from HTML with libxml2's HTML parser (the error-recovering parser
/// browsers' rules inspired; linear in the input, whatever is left unclosed): scripts, styles, navigation, headers,
/// footers, asides and forms are dropped; `<article>` or `<main>` is preferred when present; block elements become
/// paragraph breaks; character references are decoded; short link-like lines (menus, buttons) are dropped.
public enum HTMLTextExtractor {
    public struct Extracted: Sendable, Equatable {
        public var title: String?
        public var text: String
        public var canonicalURL: String?
        public var siteName: String?
        public var published: String?
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
        let title = (metadata.title ?? metadata.heading).map { $0.split(whereSeparator: isSeparator).joined(separator: " ") }
        return Extracted(title: title, text: paragraphs.joined(separator: "\n\n"), canonicalURL: metadata.canonicalURL,
                         siteName: metadata.siteName, published: metadata.published)
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
                        if key == "article:published_time" || key == "date" { published = published ?? content }
                    case "time" where published == nil: published = HTMLTextExtractor.attribute("datetime", of: current)
                    default: break
                    }
                    read(current)
                }
                child = current.pointee.next
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
                if !droppedElements.contains(name) {
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
                var value = ""
                var child = current.pointee.children
                while let text = child {
                    if let content = text.pointee.content { value += String(cString: content) }
                    child = text.pointee.next
                }
                return value
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
