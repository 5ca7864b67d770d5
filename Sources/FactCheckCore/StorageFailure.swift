/// A write the storage refused for a reason the operator must fix (not a bug): the disk is full, or the data home
/// is read-only. Nothing was stored; the web app answers 503 and says so.
public enum StorageFailure: Error, Sendable, Equatable, CustomStringConvertible {
    case full
    case readOnly

    public var description: String {
        switch self {
        case .full: "the server's disk is full"
        case .readOnly: "the server's data folder is read-only"
        }
    }
}
