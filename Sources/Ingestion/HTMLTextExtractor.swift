import Foundation

/// Extracts an article's main text and metadata from HTML: scripts, styles, navigation, headers, footers,
/// asides and forms are dropped; `<article>` or `<main>` is preferred when present; block elements become
/// paragraph breaks; entities are decoded; short link-like lines (menus, buttons) are dropped.
public enum HTMLTextExtractor {
    public struct Extracted: Sendable, Equatable {
        public var title: String?
        public var text: String
        public var canonicalURL: String?
        public var siteName: String?
        public var published: String?
    }

    static let droppedElements = ["script", "style", "noscript", "nav", "header", "footer", "aside", "form", "svg", "iframe", "template", "button", "select"]
    static let blockElements: Set<String> = ["p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr", "section",
                                              "article", "main", "blockquote", "pre", "table", "dd", "dt", "figcaption", "hr"]

    public static func extract(_ html: String) -> Extracted {
        var document = html.replacingOccurrences(of: "<!--[\\s\\S]*?-->", with: " ", options: .regularExpression)
        let title = firstMatch(#"<title[^>]*>([\s\S]*?)</title>"#, in: document).map(decodeEntities)
            ?? firstMatch(#"<h1[^>]*>([\s\S]*?)</h1>"#, in: document).map { decodeEntities(stripTags($0)) }
        let canonical = firstMatch(#"<link[^>]+rel=["']canonical["'][^>]+href=["']([^"']+)["']"#, in: document)
        let siteName = metaContent("og:site_name", in: document)
        let published = metaContent("article:published_time", in: document) ?? metaContent("date", in: document)
        document = document.replacingOccurrences(of: #"<head[\s>][\s\S]*?</head>"#, with: " ", options: [.regularExpression, .caseInsensitive])
        for element in droppedElements {
            document = document.replacingOccurrences(of: "<\(element)(\\s[^>]*)?>[\\s\\S]*?</\(element)\\s*>", with: " ",
                                                     options: [.regularExpression, .caseInsensitive])
        }
        if let main = firstMatch(#"<article[^>]*>([\s\S]*)</article>"#, in: document) ?? firstMatch(#"<main[^>]*>([\s\S]*)</main>"#, in: document) {
            document = main
        }
        var text = ""
        var index = document.startIndex
        while index < document.endIndex {
            if document[index] == "<", let close = document[index...].firstIndex(of: ">") {
                let tag = document[document.index(after: index) ..< close].drop { $0 == "/" }
                    .prefix { $0.isLetter || $0.isNumber }.lowercased()
                text += blockElements.contains(tag) ? "\n\n" : ""
                index = document.index(after: close)
            } else {
                text.append(document[index])
                index = document.index(after: index)
            }
        }
        let paragraphs = decodeEntities(text).components(separatedBy: "\n\n")
            .map { $0.split(whereSeparator: isSeparator).joined(separator: " ") }
            .filter { paragraph in
                // Keep prose: long enough, or ending like a sentence.
                paragraph.count >= 40 || (paragraph.count >= 12 && ".!?\"”".contains(paragraph.last ?? " "))
            }
        return Extracted(title: title?.split(whereSeparator: isSeparator).joined(separator: " "), text: paragraphs.joined(separator: "\n\n"),
                         canonicalURL: canonical, siteName: siteName, published: published)
    }

    /// White space, and control characters (which are never text), end a word.
    private static func isSeparator(_ character: Character) -> Bool {
        character.isWhitespace || character.unicodeScalars.contains { $0.properties.generalCategory == .control }
    }

    private static func metaContent(_ property: String, in html: String) -> String? {
        firstMatch("<meta[^>]+(?:property|name)=[\"']\(NSRegularExpression.escapedPattern(for: property))[\"'][^>]+content=[\"']([^\"']*)[\"']", in: html)
            .map(decodeEntities)
    }

    private static func firstMatch(_ pattern: String, in text: String) -> String? {
        guard let expression = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive]),
              let match = expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
              let range = Range(match.range(at: 1), in: text)
        else { return nil }
        return String(text[range])
    }

    private static func stripTags(_ html: String) -> String {
        html.replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression)
    }

    static let namedEntities: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "mdash": "—", "ndash": "–",
        "hellip": "…", "rsquo": "’", "lsquo": "‘", "rdquo": "”", "ldquo": "“", "copy": "©", "eacute": "é", "shy": "",
    ]

    /// The text of a numeric character reference: U+FFFD for NUL, surrogates and values beyond Unicode (as HTML
    /// parsers do), a space for other control characters.
    private static func characterReference(_ value: UInt32) -> String {
        guard value != 0, let scalar = Unicode.Scalar(value) else { return "\u{FFFD}" }
        return scalar.properties.generalCategory == .control ? " " : String(scalar)
    }

    /// Decodes named (common) and numeric character references.
    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = ""
        var index = text.startIndex
        while index < text.endIndex {
            if text[index] == "&", let semicolon = text[index...].prefix(12).firstIndex(of: ";") {
                let name = String(text[text.index(after: index) ..< semicolon])
                var replacement: String?
                if name.hasPrefix("#x") || name.hasPrefix("#X") {
                    replacement = UInt32(name.dropFirst(2), radix: 16).map(characterReference)
                } else if name.hasPrefix("#") {
                    replacement = UInt32(name.dropFirst()).map(characterReference)
                } else {
                    replacement = namedEntities[name]
                }
                if let replacement {
                    result += replacement
                    index = text.index(after: semicolon)
                    continue
                }
            }
            result.append(text[index])
            index = text.index(after: index)
        }
        return result
    }
}
