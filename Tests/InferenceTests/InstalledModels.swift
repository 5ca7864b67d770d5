import Foundation
import XCTest

/// Models installed by `factcheck setup` in `$FACTCHECK_HOME` (default: the repository's `.factcheck`).
enum InstalledModels {
    static var home: URL {
        if let path = ProcessInfo.processInfo.environment["FACTCHECK_HOME"] { return URL(fileURLWithPath: path) }
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return repository.appendingPathComponent(".factcheck")
    }

    /// The installed model's folder, or a skip telling how to install it.
    static func directory(_ name: String) throws -> URL {
        let url = home.appendingPathComponent("models").appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: url.appendingPathComponent("manifest.json").path) else {
            throw XCTSkip("model \(name) is not installed in \(home.path); run `make setup` (factcheck setup) first")
        }
        return url
    }
}
