import Foundation
import Provisioning

/// `$FACTCHECK_HOME` (default `./.factcheck`): installed models, the database and caches.
struct DataHome {
    let root: URL
    let models: URL

    /// - Parameter models: where models live, when not under `root` (evaluation homes share the main models).
    init(path: String? = nil, models: URL? = nil) {
        let chosen = path ?? ProcessInfo.processInfo.environment["FACTCHECK_HOME"] ?? ".factcheck"
        root = URL(fileURLWithPath: chosen, isDirectory: true).standardizedFileURL
        self.models = models ?? root.appendingPathComponent("models", isDirectory: true)
    }

    /// The model store, looking for bundled models in the current directory and above the executable.
    var modelStore: ModelStore {
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let ancestors = (1 ... 5).map { depth in
            (0 ..< depth).reduce(executable) { url, _ in url.deletingLastPathComponent() }
        }
        return ModelStore(root: models, bundleRoots: [URL(fileURLWithPath: FileManager.default.currentDirectoryPath)] + ancestors)
    }
}
