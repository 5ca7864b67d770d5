import FactCheckCore
import Foundation

extension PostgresDatabase {
    /// The server secret every instance shares (32 random bytes, made by the first instance to ask), so a form
    /// served by one instance is accepted by another.
    public func sharedSecret() async throws -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        let candidate = Data((0 ..< 32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }).hexString
        // Two statements: the second reads a new snapshot, which holds the first instance's secret if this insert lost.
        try await execute("INSERT INTO server_secret (id, secret) VALUES (1, \(candidate)) ON CONFLICT (id) DO NOTHING")
        guard let hex = try await rows("SELECT secret FROM server_secret WHERE id = 1").first?.decode(String.self) else {
            throw StorageFailure.unavailable
        }
        return stride(from: 0, to: hex.count, by: 2).compactMap { offset in
            let start = hex.index(hex.startIndex, offsetBy: offset)
            return UInt8(hex[start ..< hex.index(start, offsetBy: 2)], radix: 16)
        }
    }
}
