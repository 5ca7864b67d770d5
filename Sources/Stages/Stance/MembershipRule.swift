import English
import FactCheckCore

/// A claim that its subject is (or is not) a member of an organisation — "Japan is a member of NATO", "Laos is one of
/// the member states of ASEAN", "Norway is not a member of the EU" — read against a `MembershipListing` of that subject:
/// the organisation listed without a qualifier (or as a "nonregional member") supports the claim; left out, or listed
/// only as an observer, partner or candidate, it refutes it. Negated claims the other way round.
struct MembershipRule: Sendable {
    /// The organisation's words, lower-case, without a leading "the".
    let organization: [String]
    let negated: Bool

    private static let memberWords: Set<String> = ["member", "members"]
    private static let memberNouns: Set<String> = ["state", "states", "country", "countries", "nation", "nations"]
    private static let negations: Set<String> = ["not", "no", "never", "isn't", "aren't", "wasn't", "weren't"]
    /// Names the Factbook abbreviates in a way initials do not give.
    private static let abbreviations: [String: String] = ["arab league": "las", "commonwealth": "c", "commonwealth of nations": "c",
                                                          "council of europe": "ce", "eurozone": "emu", "euro area": "emu"]

    /// The rule for `claim`, or nil when the claim does not state membership.
    init?(claim: String) {
        let words = claim.lowercased().split { $0.isWhitespace || $0 == "," }.map { $0.trimmingCharacters(in: .punctuationCharacters) }
        guard let member = words.firstIndex(where: Self.memberWords.contains) else { return nil }
        var start = member + 1
        if start < words.count, Self.memberNouns.contains(words[start]) { start += 1 }
        guard start < words.count, words[start] == "of" else { return nil }
        start += 1
        if start < words.count, words[start] == "the" { start += 1 }
        let name = words[start...].prefix { !$0.isEmpty && !["since", "in", "and", "as", "until"].contains($0) }
        guard !name.isEmpty else { return nil }
        organization = Array(name)
        negated = words[..<member].contains(where: Self.negations.contains)
    }

    /// The stance of one sentence: nil when it is not a listing; else support or refutation at `confidence`.
    func stance(of sentence: String, confidence: Double) -> StanceProbabilities? {
        guard let entries = MembershipListing.entries(in: sentence) else { return nil }
        let listed = entries.first(where: matches)
        let isMember = listed.map { $0.qualifier == nil || $0.qualifier!.lowercased().hasSuffix("member") } ?? false
        let supports = isMember != negated
        return StanceProbabilities(supports: supports ? confidence : 0, refutes: supports ? 0 : confidence, notEnoughInfo: 1 - confidence)
    }

    /// Whether a listed name is the organisation: its name, its initials ("United Nations" → UN, "League of Arab States"
    /// → LAS) or a known abbreviation, hyphens and case ignored ("G-20" is "G20").
    private func matches(_ entry: MembershipListing.Entry) -> Bool {
        let listed = Self.folded(entry.name)
        let name = organization.joined(separator: " ")
        return listed == Self.folded(name) || (organization.count > 1 && listed == StatementAnchors(name).initials)
            || listed == Self.abbreviations[name]
    }

    private static func folded(_ text: String) -> String {
        text.lowercased().filter { $0 != "-" && $0 != "." }
    }
}
