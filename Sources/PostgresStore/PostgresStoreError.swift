/// A PostgreSQL store that cannot be used as configured: a malformed address, or a database whose schema is newer
/// than this program.
public struct PostgresStoreError: Error, Sendable, Equatable, CustomStringConvertible {
    private enum Kind: Sendable, Equatable {
        case invalidURL(String)
        case unknownMigrations([String])
        case migrationsPending([String])
    }

    private let kind: Kind

    static func invalidURL(_ reason: String) -> Self { .init(kind: .invalidURL(reason)) }
    static func unknownMigrations(_ names: [String]) -> Self { .init(kind: .unknownMigrations(names)) }
    static func migrationsPending(_ names: [String]) -> Self { .init(kind: .migrationsPending(names)) }

    public var description: String {
        switch kind {
        case let .invalidURL(reason): "Invalid database address: \(reason)."
        case let .unknownMigrations(names):
            "The database was migrated by a newer FactCheck (\(names.joined(separator: ", "))); upgrade this instance."
        case let .migrationsPending(names):
            "The database lacks migrations \(names.joined(separator: ", ")); run `factcheck migrate --database …` or start with --migrate."
        }
    }
}
