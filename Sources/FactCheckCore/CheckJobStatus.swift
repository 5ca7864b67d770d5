import Foundation

/// Where a queued check stands, as any instance reads it from the queue.
public struct CheckJobStatus: Sendable, Equatable {
    public enum State: String, Sendable, Codable {
        case queued, running, published, failed
    }

    public var id: String
    public var kind: CheckJobRequest.Kind
    public var state: State
    /// The pipeline step the worker reported last (a claim job, while running).
    public var stage: PipelineStage?
    /// The claims checked so far, by their place in the article (an article job).
    public var checked: [ArticleClaimProgress]
    /// How many workers have taken the job.
    public var attempts: Int
    /// The published check's or article check's id (when published).
    public var publishedID: String?
    /// Why it failed (when failed), safe to show.
    public var message: String?

    public init(id: String, kind: CheckJobRequest.Kind, state: State, stage: PipelineStage? = nil, checked: [ArticleClaimProgress] = [],
                attempts: Int = 0, publishedID: String? = nil, message: String? = nil) {
        self.id = id
        self.kind = kind
        self.state = state
        self.stage = stage
        self.checked = checked
        self.attempts = attempts
        self.publishedID = publishedID
        self.message = message
    }

    public var isFinished: Bool { state == .published || state == .failed }
}
