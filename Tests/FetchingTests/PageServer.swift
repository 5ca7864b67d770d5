import FactCheckWebTesting
import Foundation

/// Support/page_server.py (saved pages, redirects, slow answers, wrong content types) for one test.
enum PageServer {
    static func start() throws -> ScriptServer {
        let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        return try ScriptServer(script: here.appendingPathComponent("Support/page_server.py"), arguments: ["--pages", here.appendingPathComponent("Fixtures").path])
    }
}
