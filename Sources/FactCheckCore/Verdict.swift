/// The verdict scale of a published fact check.
public enum Verdict: String, Sendable, Codable, CaseIterable {
    case `true` = "True"
    case mostlyTrue = "Mostly True"
    case misleading = "Misleading"
    case outdated = "Outdated"
    case mostlyFalse = "Mostly False"
    case `false` = "False"
    case unverifiable = "Unverifiable"

    /// The label claim-verification benchmarks use for this verdict.
    public var benchmarkLabel: String {
        switch self {
        case .true, .mostlyTrue: "SUPPORTED"
        case .misleading: "CONFLICTING"
        case .outdated, .mostlyFalse, .false: "REFUTED"
        case .unverifiable: "NOT_ENOUGH_INFO"
        }
    }

    /// schema.org ClaimReview `ratingValue` on a 1 (false) … 5 (true) scale; `nil` when unverifiable.
    public var ratingValue: Int? {
        switch self {
        case .true: 5
        case .mostlyTrue: 4
        case .misleading: 3
        case .mostlyFalse, .outdated: 2
        case .false: 1
        case .unverifiable: nil
        }
    }
}
