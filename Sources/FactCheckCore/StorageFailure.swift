/// A read or write the storage refused for a reason the operator must fix (not a bug): the disk is full, the data
/// home is read-only, or the database server cannot be reached. Nothing was stored; the web app answers 503 and says so.
public enum StorageFailure: Error, Sendable, Equatable, CustomStringConvertible {
    case full
    case readOnly
    case unavailable

    public var description: String {
        switch self {
        case .full: "the server's disk is full"
        case .readOnly: "the server's data folder is read-only"
        case .unavailable: "the database cannot be reached"
        }
    }

    /// Seconds after which trying again may succeed: an unreachable database usually comes back within seconds; a full
    /// or read-only disk needs the operator.
    public var retryAfter: Int { self == .unavailable ? 5 : 60 }
}
