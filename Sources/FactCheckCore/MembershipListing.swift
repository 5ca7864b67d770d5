/// A sentence that lists the international organisations a country belongs to, as ingestion writes it from The World
/// Factbook and the stance rules read it: "Japan is a member of or takes part in these international organizations:
/// ADB, AfDB (nonregional member), …, UN, WTO." A listing that leaves an organisation out is evidence that the country
/// is not a member; one that names it with a qualifier ("observer", "dialogue partner") says it takes part without
/// being a member.
public enum MembershipListing {
    static let opening = " is a member of or takes part in these international organizations: "

    /// One organisation in a listing: its abbreviation or name as written, and a qualifier in brackets, if any.
    public struct Entry: Sendable, Equatable {
        public var name: String
        public var qualifier: String?

        public init(name: String, qualifier: String?) {
            self.name = name
            self.qualifier = qualifier
        }
    }

    /// The listing sentence of `country`.
    public static func sentence(country: String, organizations: String) -> String {
        country + opening + organizations + "."
    }

    /// The entries listed by `sentence`, or nil when it is not a listing.
    public static func entries(in sentence: String) -> [Entry]? {
        guard let range = sentence.range(of: opening) else { return nil }
        var list = sentence[range.upperBound...]
        if list.hasSuffix(".") { list = list.dropLast() }
        return list.split(separator: ",").compactMap { item in
            let trimmed = item.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { return nil }
            if let open = trimmed.firstIndex(of: "("), trimmed.hasSuffix(")") {
                let qualifier = trimmed[trimmed.index(after: open) ..< trimmed.index(before: trimmed.endIndex)]
                return Entry(name: trimmed[..<open].trimmingCharacters(in: .whitespaces), qualifier: String(qualifier))
            }
            return Entry(name: trimmed, qualifier: nil)
        }
    }
}
