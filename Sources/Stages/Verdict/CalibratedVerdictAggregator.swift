import FactCheckCore

/// An aggregator whose confidence is replaced by how often its verdicts at that raw confidence were right.
public struct CalibratedVerdictAggregator: VerdictAggregator {
    public let base: any VerdictAggregator
    public let calibration: VerdictCalibration

    public init(base: any VerdictAggregator, calibration: VerdictCalibration) {
        self.base = base
        self.calibration = calibration
    }

    public func decide(_ claim: Claim, evidence: [Evidence]) -> VerdictDecision {
        var decision = base.decide(claim, evidence: evidence)
        decision.confidence = calibration.confidence(decision.confidence, for: decision.verdict)
        return decision
    }
}
