import Foundation

/// Splits `count` items into at most `workers` contiguous chunks of at least `minimumChunk` items (each a multiple of
/// `alignment` except the last) and runs `body` on each, in parallel when there is more than one chunk.
///
/// The encoder does all its own threading this way, OpenBLAS included (which it runs single-threaded): a BLAS thread
/// pool that spins between calls would compete for the same cores as this work.
@inline(__always)
func parallelChunks(_ count: Int, workers: Int, minimumChunk: Int = 1, alignment: Int = 1, _ body: @Sendable (Range<Int>) -> Void) {
    let chunks = max(1, min(workers, count / max(1, minimumChunk)))
    guard chunks > 1 else { return body(0 ..< count) }
    let size = (count + chunks - 1) / chunks
    let alignedSize = (size + alignment - 1) / alignment * alignment
    DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
        let start = min(count, chunk * alignedSize)
        let end = chunk == chunks - 1 ? count : min(count, start + alignedSize)
        if start < end { body(start ..< end) }
    }
}
