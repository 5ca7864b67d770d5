import NIOCore

/// A rendered HTML page kept as bytes, split around its CSRF placeholders, so that serving it to a reader is a few
/// buffer copies with the reader's token in between rather than a search-and-replace over the whole text.
public struct RenderedPage: Sendable {
    /// The page's bytes between placeholders; one more segment than there are placeholders.
    private let segments: [ByteBuffer]
    private let byteCount: Int

    init(_ html: String, placeholder: String) {
        let bytes = Array(html.utf8)
        let needle = Array(placeholder.utf8)
        var segments: [ByteBuffer] = []
        var segmentStart = 0
        var index = 0
        while index + needle.count <= bytes.count {
            if bytes[index] == needle[0], bytes[index ..< index + needle.count].elementsEqual(needle) {
                segments.append(ByteBuffer(bytes: bytes[segmentStart ..< index]))
                index += needle.count
                segmentStart = index
            } else {
                index += 1
            }
        }
        segments.append(ByteBuffer(bytes: bytes[segmentStart...]))
        self.segments = segments
        byteCount = bytes.count - (segments.count - 1) * needle.count
    }

    /// The page with every placeholder replaced by `token`.
    func body(token: String) -> ByteBuffer {
        guard segments.count > 1 else { return segments[0] }
        var buffer = ByteBufferAllocator().buffer(capacity: byteCount + (segments.count - 1) * token.utf8.count)
        for (index, segment) in segments.enumerated() {
            if index > 0 { buffer.writeString(token) }
            buffer.writeImmutableBuffer(segment)
        }
        return buffer
    }
}
