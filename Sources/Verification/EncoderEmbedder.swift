import FactCheckCore
import Foundation
import Inference

/// Sentence embeddings from an encoder model (all-MiniLM-L6-v2 by default), one batch at a time.
public final class EncoderEmbedder: TextEmbedder, @unchecked Sendable {
    private let encoder: TextEncoder
    private let lock = NSLock()  // the engine runs one forward pass at a time

    public init(directory: URL, maxLength: Int = 256, threadCount: Int = 2) throws {
        encoder = try TextEncoder(directory: directory, maxLength: maxLength, threadCount: threadCount)
    }

    public func embed(_ texts: [String]) async throws -> [[Float]] {
        ModelCalls.current?.embedded(texts.count)
        return try lock.withLock { try encoder.embed(texts) }
    }
}
