/// Why a report could not be written.
public enum ReportWriterError: Error, Equatable, CustomStringConvertible {
    /// The stance classifier returned a different number of results than passages it was given.
    case classifierResultCount(expected: Int, got: Int)

    public var description: String {
        switch self {
        case let .classifierResultCount(expected, got):
            "the stance classifier returned \(got) results for \(expected) passages"
        }
    }
}
