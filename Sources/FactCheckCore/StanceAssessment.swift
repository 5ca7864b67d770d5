/// The stances of a check's passages, and a note for the report's reader when the classifier could not do all it was
/// configured to (an LLM judge that failed, so the stances are the verifier's alone).
public struct StanceAssessment: Sendable, Equatable {
    public var stances: [StanceProbabilities]
    public var note: String?

    public init(stances: [StanceProbabilities], note: String? = nil) {
        self.stances = stances
        self.note = note
    }
}
