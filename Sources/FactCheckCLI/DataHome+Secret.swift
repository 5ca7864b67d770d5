import Foundation

extension DataHome {
    /// The server secret (32 random bytes) in `secret.key`, made with owner-only permissions on first use. Instances
    /// sharing a data home share it, so a form served by one is accepted by another.
    func serverSecret() throws -> [UInt8] {
        let url = root.appendingPathComponent("secret.key")
        if let data = try? Data(contentsOf: url), data.count == 32 { return Array(data) }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        var generator = SystemRandomNumberGenerator()
        let secret = (0 ..< 32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let temporary = root.appendingPathComponent("secret.key.\(UUID().uuidString)")
        guard FileManager.default.createFile(atPath: temporary.path, contents: Data(secret), attributes: [.posixPermissions: 0o600]) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: root.path])
        }
        // link(2) never replaces a file: when two instances start at once, the first link wins and both read its secret.
        _ = link(temporary.path, url.path)
        try? FileManager.default.removeItem(at: temporary)
        guard let data = try? Data(contentsOf: url), data.count == 32 else {
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSFilePathErrorKey: url.path])
        }
        return Array(data)
    }
}
