/// Why a claim could not be normalised. The message is shown to the user as is.
public struct ClaimNormalizationError: Error, CustomStringConvertible, Equatable {
    private enum Kind: Equatable {
        case empty
        case tooLong(length: Int, limit: Int)
        case nothingToCheck
    }

    private let kind: Kind

    private init(_ kind: Kind) { self.kind = kind }

    static let empty = Self(.empty)
    static func tooLong(_ length: Int, limit: Int) -> Self { .init(.tooLong(length: length, limit: limit)) }
    static let nothingToCheck = Self(.nothingToCheck)

    public var description: String {
        switch kind {
        case .empty: "The claim is empty."
        case let .tooLong(length, limit): "The claim is \(length) characters long; the limit is \(limit)."
        case .nothingToCheck: "The claim has nothing to check once filler words and symbols are removed."
        }
    }
}
