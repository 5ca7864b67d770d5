import FactCheckCore

/// A written report with the audit of its citation check.
public struct WrittenReport: Sendable, Equatable {
    public var report: Report
    /// Citations from other passages that said the same as a fact's own but, on checking, did not entail it.
    public var droppedCitations: Int

    public init(report: Report, droppedCitations: Int) {
        self.report = report
        self.droppedCitations = droppedCitations
    }
}
