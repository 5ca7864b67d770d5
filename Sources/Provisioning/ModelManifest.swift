import Foundation

/// `manifest.json` of an installed model: where it came from and the SHA-256 of every file.
public struct ModelManifest: Codable, Sendable, Equatable {
    public struct FileRecord: Codable, Sendable, Equatable {
        public var sha256: String
        public var bytes: Int
    }

    public var name: String
    public var role: String
    public var source: String
    /// The Hub commit a revision resolved to, for Hugging Face models.
    public var commit: String?
    public var installedAt: Date
    public var files: [String: FileRecord]
}
