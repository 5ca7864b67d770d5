import Foundation

/// White space as prose writes it.
public enum Spacing {
    private static let runs = TextPattern(#"\s+"#)
    private static let beforePunctuation = TextPattern(#"\s+([,.;:!?])"#)

    /// Single spaces, none before punctuation, none at the ends.
    public static func tidy(_ text: String) -> String {
        let single = runs.replacingMatches(in: text, with: " ")
        return beforePunctuation.replacingMatches(in: single, with: "$1").trimmingCharacters(in: .whitespaces)
    }
}
