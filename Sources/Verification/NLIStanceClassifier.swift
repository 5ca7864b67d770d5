import FactCheckCore
import Foundation

/// The `StanceClassifier` stage backed by an NLI cross-encoder (premise = passage, hypothesis = statement).
public final class NLIStanceClassifier: StanceClassifier, @unchecked Sendable {
    public let verifier: NLIVerifier
    private let lock = NSLock()  // the engine runs one forward pass at a time

    public init(verifier: NLIVerifier) { self.verifier = verifier }

    public func stances(of passages: [String], toward statement: String) async throws -> [StanceProbabilities] {
        ModelCalls.current?.verified(passages.count)
        return try lock.withLock { try verifier.stances(passages.map { ($0, statement) }) }
    }
}
