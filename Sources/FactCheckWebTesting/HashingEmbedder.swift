import English
import FactCheckCore

/// A deterministic stand-in for the embedding model: bag-of-words hashed into 64 dimensions, normalised.
public struct HashingEmbedder: TextEmbedder {
    public init() {}

    public func embed(_ texts: [String]) async throws -> [[Float]] {
        texts.map { text in
            var vector = [Float](repeating: 0, count: 64)
            for word in Words.matching(text) {
                vector[Int(UInt(bitPattern: word.hashValue & Int.max) % 64)] += 1
            }
            let norm = max(vector.reduce(0) { $0 + $1 * $1 }.squareRoot(), 1e-6)
            return vector.map { $0 / norm }
        }
    }
}
