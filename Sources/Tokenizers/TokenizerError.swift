/// An error raised while loading a `tokenizer.json` file or encoding with it.
///
/// The description names the file and the offending field, e.g.
/// `tokenizer.json: unsupported normalizer type 'Foo'` or `tokenizer.json: model.vocab missing`.
public struct TokenizerError: Error, CustomStringConvertible {
    private enum Kind {
        case unreadable(file: String, reason: String)
        case malformedJSON(file: String, reason: String)
        case missingField(file: String, path: String)
        case invalidField(file: String, path: String, expected: String)
        case unsupportedType(file: String, path: String, component: String, type: String)
        case invalidValue(file: String, path: String, reason: String)
        case maxLengthTooSmall(maxLength: Int, specialTokens: Int)
        case sequenceTooShort(maxLength: Int)
    }

    private let kind: Kind

    private init(_ kind: Kind) {
        self.kind = kind
    }

    public var description: String {
        switch kind {
        case let .unreadable(file, reason):
            return "\(file): cannot read file (\(reason))"
        case let .malformedJSON(file, reason):
            return "\(file): malformed JSON (\(reason))"
        case let .missingField(file, path):
            return "\(file): \(path) missing"
        case let .invalidField(file, path, expected):
            return "\(file): \(path) must be \(expected)"
        case let .unsupportedType(file, path, component, type):
            return "\(file): unsupported \(component) type '\(type)' at \(path)"
        case let .invalidValue(file, path, reason):
            return "\(file): \(path) \(reason)"
        case let .maxLengthTooSmall(maxLength, specialTokens):
            return "truncation: maxLength \(maxLength) cannot hold the \(specialTokens) special tokens"
        case let .sequenceTooShort(maxLength):
            return "truncation: sequence to truncate too short to respect maxLength \(maxLength)"
        }
    }

    static func unreadable(_ file: String, reason: String) -> TokenizerError {
        TokenizerError(.unreadable(file: file, reason: reason))
    }

    static func malformedJSON(_ file: String, reason: String) -> TokenizerError {
        TokenizerError(.malformedJSON(file: file, reason: reason))
    }

    static func missingField(_ path: String, in file: String) -> TokenizerError {
        TokenizerError(.missingField(file: file, path: path))
    }

    static func invalidField(_ path: String, in file: String, expected: String) -> TokenizerError {
        TokenizerError(.invalidField(file: file, path: path, expected: expected))
    }

    static func unsupportedType(_ type: String, component: String, at path: String, in file: String) -> TokenizerError {
        TokenizerError(.unsupportedType(file: file, path: path, component: component, type: type))
    }

    static func invalidValue(_ path: String, in file: String, reason: String) -> TokenizerError {
        TokenizerError(.invalidValue(file: file, path: path, reason: reason))
    }

    static func maxLengthTooSmall(_ maxLength: Int, specialTokens: Int) -> TokenizerError {
        TokenizerError(.maxLengthTooSmall(maxLength: maxLength, specialTokens: specialTokens))
    }

    static func sequenceTooShort(maxLength: Int) -> TokenizerError {
        TokenizerError(.sequenceTooShort(maxLength: maxLength))
    }
}
