/// A verifier's probabilities that a passage supports, refutes or says nothing about a claim.
public struct StanceProbabilities: Sendable, Codable, Equatable {
    public var supports: Double
    public var refutes: Double
    public var notEnoughInfo: Double

    public init(supports: Double, refutes: Double, notEnoughInfo: Double) {
        self.supports = supports
        self.refutes = refutes
        self.notEnoughInfo = notEnoughInfo
    }

    public subscript(stance: Stance) -> Double {
        switch stance {
        case .supports: supports
        case .refutes: refutes
        case .notEnoughInfo: notEnoughInfo
        }
    }

    /// The most probable stance.
    public var stance: Stance { Stance.allCases.max { self[$0] < self[$1] }! }
}
