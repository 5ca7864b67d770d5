/// The steps of a fact check, in order, as shown to a user waiting for the result.
public enum PipelineStage: String, Sendable, Codable, CaseIterable {
    case normalizing, searching, weighing, deciding, writing

    /// What the user sees while the step runs.
    public var progressMessage: String {
        switch self {
        case .normalizing: "Reading the claim"
        case .searching: "Searching the sources"
        case .weighing: "Weighing the sources"
        case .deciding: "Deciding the verdict"
        case .writing: "Writing the fact check"
        }
    }
}

/// What each pipeline step consumed and produced, and how long it took.
public struct PipelineTrace: Sendable, Codable, Equatable {
    public struct Step: Sendable, Codable, Equatable {
        public var stage: PipelineStage
        /// IDs of the values the step read (claim, passages, sources).
        public var inputs: [String]
        /// A one-line account of what it produced.
        public var output: String
        public var durationMs: Double
    }

    public var steps: [Step] = []
    /// What the check asked of the verifier and the embedder.
    public var modelCalls = ModelCalls.Tally()
}
