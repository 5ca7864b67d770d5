import Foundation

/// Where a queued check stands, as any instance reads it from the queue.
public struct CheckJobStatus: Sendable, Equatable {
    public enum State: String, Sendable, Codable {
        case queued, running, published, failed
    }

    public var id: String
    public var claimID: UUID
    public var state: State
    /// The pipeline step the worker reported last (while running).
    public var stage: PipelineStage?
    /// How many workers have taken the job.
    public var attempts: Int
    /// The published check (when published).
    public var checkID: String?
    /// Why it failed (when failed), safe to show.
    public var message: String?

    public init(id: String, claimID: UUID, state: State, stage: PipelineStage? = nil, attempts: Int = 0, checkID: String? = nil, message: String? = nil) {
        self.id = id
        self.claimID = claimID
        self.state = state
        self.stage = stage
        self.attempts = attempts
        self.checkID = checkID
        self.message = message
    }

    public var isFinished: Bool { state == .published || state == .failed }
}
