/// What a passage says about a claim.
public enum Stance: String, Sendable, Codable, CaseIterable {
    case supports = "SUPPORTS"
    case refutes = "REFUTES"
    case notEnoughInfo = "NOT_ENOUGH_INFO"

    /// Maps a model's or dataset's label name (NLI or fact-verification wording) to a stance.
    public init?(label: String) {
        switch label.uppercased().replacingOccurrences(of: " ", with: "_") {
        case "ENTAILMENT", "SUPPORTS", "SUPPORT", "SUPPORTED": self = .supports
        case "CONTRADICTION", "REFUTES", "REFUTE", "REFUTED", "CONTRADICT": self = .refutes
        case "NEUTRAL", "NOT_ENOUGH_INFO", "NOT_ENOUGH_INFORMATION", "NEI": self = .notEnoughInfo
        default: return nil
        }
    }
}
