import Foundation

/// Canonical forms of a claim used to find an earlier check of it and to name its permalink.
public enum ClaimKey {
    /// Lower-case words of the normalised claim without punctuation or diacritics:
    /// "Japan is a member of NATO." and "japan is a member of nato" share a key.
    public static func matchKey(_ normalizedClaim: String) -> String {
        words(normalizedClaim).joined(separator: " ")
    }

    /// A URL-safe slug of at most `maxLength` characters: "NATO has 30 member states." → "nato-has-30-member-states".
    /// `base`, or `base-2`, `base-3`, … : the first that `isTaken` says is free.
    public static func uniqueSlug(_ base: String, isTaken: (String) throws -> Bool) rethrows -> String {
        var candidate = base
        var suffix = 2
        while try isTaken(candidate) {
            candidate = "\(base)-\(suffix)"
            suffix += 1
        }
        return candidate
    }

    public static func slug(_ claim: String, maxLength: Int = 72) -> String {
        var slug = ""
        for word in words(claim) {
            let candidate = slug.isEmpty ? word : slug + "-" + word
            if candidate.count > maxLength { break }
            slug = candidate
        }
        if slug.isEmpty { slug = String(words(claim).first?.prefix(maxLength) ?? "") }
        return slug.isEmpty ? "claim" : slug
    }

    /// The numbers a claim states, in order: claims worded alike but with other numbers ("NATO has 30 members" and
    /// "… 32 members") are different claims.
    public static func numbers(_ claim: String) -> [String] {
        words(claim).filter { $0.allSatisfy(\.isNumber) }
    }

    private static func words(_ text: String) -> [String] {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil).lowercased()
        return folded.split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }.map(String.init)
    }
}
