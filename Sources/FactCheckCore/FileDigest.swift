import Crypto
import Foundation

/// SHA-256 digests (swift-crypto) for verifying downloaded and installed model files.
public enum FileDigest {
    /// The lower-case hex SHA-256 of a whole file, read in 1 MiB chunks.
    public static func sha256Hex(ofFile url: URL) throws -> String {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        var hasher = SHA256()
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty { hasher.update(data: chunk) }
        return hasher.finalize().hexString
    }

    /// The lower-case hex SHA-256 of `data`.
    public static func sha256Hex(of data: Data) -> String { SHA256.hash(data: data).hexString }
}

extension Sequence<UInt8> {
    /// The bytes as lower-case hex.
    public var hexString: String { map { String(format: "%02x", $0) }.joined() }
}
