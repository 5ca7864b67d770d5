import FactCheckCore

/// A written report with the audit of its citation re-check.
public struct WrittenReport: Sendable, Equatable {
    public var report: Report
    /// Facts dropped because no cited passage supported them on re-check.
    public var droppedFacts: [String]
    /// Citations removed on re-check, including those of dropped facts.
    public var droppedCitations: Int

    public init(report: Report, droppedFacts: [String], droppedCitations: Int) {
        self.report = report
        self.droppedFacts = droppedFacts
        self.droppedCitations = droppedCitations
    }
}
