import FactCheckCore

/// One reading of a queued job, as pages on any instance follow it.
enum JobReading: Sendable, Equatable {
    case status(CheckJobStatus)
    /// The queue no longer knows the job.
    case gone
    /// The queue could not be read for 15 seconds: the job may still finish.
    case unreachable
}
