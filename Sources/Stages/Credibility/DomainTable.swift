import FactCheckCore
import Foundation

/// The curated publisher table (`domains.json`) together with suffix rules for government, military,
/// international-organisation and university domains.
///
/// A host matches an entry for itself or for any parent domain; the most specific match wins, so
/// `brookings.edu` (a think tank in the table) overrides the `.edu` rule and `en.wikipedia.org`
/// inherits `wikipedia.org`.
struct DomainTable: Sendable {
    /// What the table says about a domain.
    struct Entry: Sendable, Equatable {
        /// The table key or suffix that matched, e.g. `wikipedia.org` or `gov.uk`.
        let domain: String
        let type: SourceType
        let publisher: String?
    }

    /// Domain suffixes reserved for governments, militaries, treaty organisations and universities.
    static let suffixRules: [String: SourceType] = [
        "gov": .official, "mil": .official, "gov.uk": .official, "mod.uk": .official, "gc.ca": .official,
        "gouv.fr": .official, "gov.au": .official, "govt.nz": .official, "gov.ie": .official, "gov.in": .official,
        "nic.in": .official, "gov.za": .official, "gov.sg": .official, "go.jp": .official, "go.kr": .official,
        "gov.br": .official, "gob.mx": .official, "gob.es": .official, "gov.it": .official, "gv.at": .official,
        "gov.pl": .official, "gov.ua": .official, "gov.il": .official, "gov.cn": .official, "gov.hk": .official,
        "gov.ph": .official, "gob.ar": .official, "gov.ar": .official,
        "int": .intergovernmental,
        "edu": .academic, "ac.uk": .academic, "edu.au": .academic, "ac.nz": .academic, "ac.jp": .academic,
        "ac.za": .academic, "ac.in": .academic, "edu.in": .academic, "edu.cn": .academic, "ac.kr": .academic,
        "ac.il": .academic, "edu.sg": .academic, "ac.at": .academic,
    ]

    private struct File: Decodable {
        struct Row: Decodable {
            let domain: String
            let type: SourceType
            let publisher: String?
            /// Other names the publisher's documents go by without a web address (a dataset's name, e.g. "CORD-19").
            let aliases: [String]?
        }

        let domains: [Row]
    }

    private let entries: [String: Entry]
    /// Entries by lower-cased publisher name without a leading "the", longest names first.
    private let publishers: [(name: String, entry: Entry)]

    /// Parses a table in the `domains.json` format: `{"domains": [{"domain", "type", "publisher"?, "aliases"?}, …]}`.
    init(data: Data) throws {
        let file: File
        do {
            file = try JSONDecoder().decode(File.self, from: data)
        } catch {
            throw CredibilityError.domainTableMalformed("\(error)")
        }
        var entries = Self.suffixRules.reduce(into: [String: Entry]()) { table, rule in
            table[rule.key] = Entry(domain: rule.key, type: rule.value, publisher: nil)
        }
        var seen = Set<String>()
        var aliases: [(name: String, entry: Entry)] = []
        for row in file.domains {
            guard DomainName.host(domain: row.domain, url: "") == row.domain, !row.domain.isEmpty else {
                throw CredibilityError.domainTableMalformed("'\(row.domain)' is not a lower-case host name without www.")
            }
            guard row.type != .unknown else {
                throw CredibilityError.domainTableMalformed("'\(row.domain)' has type unknown; leave unknown domains out")
            }
            guard seen.insert(row.domain).inserted else {
                throw CredibilityError.domainTableMalformed("'\(row.domain)' is listed twice")
            }
            let entry = Entry(domain: row.domain, type: row.type, publisher: row.publisher)
            entries[row.domain] = entry
            aliases += (row.aliases ?? []).map { ($0.lowercased(), entry) }
        }
        self.entries = entries
        publishers = (entries.values.compactMap { entry in
            guard let publisher = entry.publisher?.lowercased() else { return nil }
            return (publisher.hasPrefix("the ") ? String(publisher.dropFirst(4)) : publisher, entry)
        } + aliases).sorted { ($0.name.count, $0.entry.domain) > ($1.name.count, $1.entry.domain) }
    }

    /// The table shipped in the Stages resource bundle.
    static func bundled() throws -> DomainTable {
        guard let url = Bundle.module.url(forResource: "domains", withExtension: "json") else {
            throw CredibilityError.domainTableMissing
        }
        do {
            return try DomainTable(data: Data(contentsOf: url))
        } catch let error as CredibilityError {
            throw error
        } catch {
            throw CredibilityError.domainTableMalformed(error.localizedDescription)
        }
    }

    /// The entry of the publisher that `name` starts with as whole words ("Wikipedia sentence (…)" → wikipedia.org),
    /// for documents that carry a publisher name but no web address.
    func entry(forPublisher name: String) -> Entry? {
        var name = name.lowercased()
        if name.hasPrefix("the ") { name.removeFirst(4) }
        return publishers.first { publisher in
            name.hasPrefix(publisher.name)
                && name.dropFirst(publisher.name.count).first.map { !$0.isLetter && !$0.isNumber } != false
        }?.entry
    }

    /// The most specific entry for `host` or one of its parent domains.
    func entry(forHost host: String) -> Entry? {
        DomainName.candidates(of: host).lazy.compactMap { entries[$0] }.first
    }
}
