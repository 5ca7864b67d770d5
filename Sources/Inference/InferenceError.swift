import Foundation

/// An error loading or running a model. The message names the file or field at fault.
public struct InferenceError: Error, CustomStringConvertible, Equatable {
    private enum Kind: Equatable {
        case fileUnreadable(path: String, reason: String)
        case malformedSafeTensors(path: String, reason: String)
        case missingTensor(name: String, path: String)
        case shapeMismatch(name: String, expected: [Int], actual: [Int])
        case unsupportedDType(name: String, dtype: String)
        case malformedConfig(path: String, reason: String)
        case unsupportedArchitecture(String)
        case invalidInput(String)
    }

    private let kind: Kind

    private init(_ kind: Kind) { self.kind = kind }

    static func fileUnreadable(_ path: String, _ reason: String) -> Self { .init(.fileUnreadable(path: path, reason: reason)) }
    static func malformedSafeTensors(_ path: String, _ reason: String) -> Self { .init(.malformedSafeTensors(path: path, reason: reason)) }
    static func missingTensor(_ name: String, in path: String) -> Self { .init(.missingTensor(name: name, path: path)) }
    static func shapeMismatch(_ name: String, expected: [Int], actual: [Int]) -> Self {
        .init(.shapeMismatch(name: name, expected: expected, actual: actual))
    }
    static func unsupportedDType(_ name: String, _ dtype: String) -> Self { .init(.unsupportedDType(name: name, dtype: dtype)) }
    static func malformedConfig(_ path: String, _ reason: String) -> Self { .init(.malformedConfig(path: path, reason: reason)) }
    static func unsupportedArchitecture(_ description: String) -> Self { .init(.unsupportedArchitecture(description)) }
    static func invalidInput(_ description: String) -> Self { .init(.invalidInput(description)) }

    public var description: String {
        switch kind {
        case let .fileUnreadable(path, reason): "\(path): cannot read file: \(reason)"
        case let .malformedSafeTensors(path, reason): "\(path): malformed safetensors file: \(reason)"
        case let .missingTensor(name, path): "\(path): tensor '\(name)' not found"
        case let .shapeMismatch(name, expected, actual):
            "tensor '\(name)' has shape \(actual), but config.json implies \(expected)"
        case let .unsupportedDType(name, dtype): "tensor '\(name)': unsupported dtype \(dtype) (supported: F32, F16, BF16)"
        case let .malformedConfig(path, reason): "\(path): \(reason)"
        case let .unsupportedArchitecture(description): "unsupported architecture: \(description)"
        case let .invalidInput(description): "invalid input: \(description)"
        }
    }
}
