import Foundation

/// An error loading the publisher table or a domain-quality ratings file. The message names the file at fault.
public struct CredibilityError: Error, CustomStringConvertible, Equatable {
    private enum Kind: Equatable {
        case ratingsFileNotFound(path: String)
        case ratingsFileUnreadable(path: String, reason: String)
        case domainTableMissing
        case domainTableMalformed(reason: String)
    }

    private let kind: Kind

    private init(_ kind: Kind) { self.kind = kind }

    static func ratingsFileNotFound(_ path: String) -> Self { .init(.ratingsFileNotFound(path: path)) }
    static func ratingsFileUnreadable(_ path: String, _ reason: String) -> Self { .init(.ratingsFileUnreadable(path: path, reason: reason)) }
    static let domainTableMissing = Self(.domainTableMissing)
    static func domainTableMalformed(_ reason: String) -> Self { .init(.domainTableMalformed(reason: reason)) }

    public var description: String {
        switch kind {
        case let .ratingsFileNotFound(path): "\(path): domain-quality ratings file not found"
        case let .ratingsFileUnreadable(path, reason): "\(path): cannot read domain-quality ratings: \(reason)"
        case .domainTableMissing: "domains.json is missing from the Stages resource bundle"
        case let .domainTableMalformed(reason): "domains.json: \(reason)"
        }
    }
}
