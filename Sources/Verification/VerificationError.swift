/// A verifier model that cannot be used, with the folder or file at fault.
public struct VerificationError: Error, CustomStringConvertible {
    private enum Kind {
        case notAClassifier(String)
        case unknownLabel(String, String)
        case malformedCalibration(String)
    }

    private let kind: Kind

    static func notAClassifier(_ path: String) -> Self { .init(kind: .notAClassifier(path)) }
    static func unknownLabel(_ label: String, _ path: String) -> Self { .init(kind: .unknownLabel(label, path)) }
    static func malformedCalibration(_ path: String) -> Self { .init(kind: .malformedCalibration(path)) }

    public var description: String {
        switch kind {
        case let .notAClassifier(path): "\(path): not a sequence-classification checkpoint (no classifier head)"
        case let .unknownLabel(label, path):
            "\(path)/config.json: id2label '\(label)' is not an NLI or verification label (entailment/neutral/contradiction or SUPPORTS/NOT_ENOUGH_INFO/REFUTES)"
        case let .malformedCalibration(path): "\(path): expected {\"temperature\": <positive number>}"
        }
    }
}
