/// A storage failure, naming the database file.
public struct StoreError: Error, CustomStringConvertible {
    private enum Kind {
        case database(String, Error)
        case vectorFile(String, String)
    }

    private let kind: Kind

    static func database(_ path: String, _ error: Error) -> Self {
        if let existing = error as? StoreError { return existing }
        return .init(kind: .database(path, error))
    }

    static func vectorFile(_ path: String, _ reason: String) -> Self { .init(kind: .vectorFile(path, reason)) }

    public var description: String {
        switch kind {
        case let .database(path, error): "\(path): \(error)"
        case let .vectorFile(path, reason): "\(path): \(reason)"
        }
    }
}
