import FactCheckWebTesting
import Foundation

/// Support/mediawiki_server.py (a MediaWiki action API over a JSONL of articles) for one test.
struct MediaWikiServer {
    let server: ScriptServer

    static var support: URL { URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Support") }

    init(articles: URL = MediaWikiServer.support.appendingPathComponent("articles.jsonl")) throws {
        server = try ScriptServer(script: Self.support.appendingPathComponent("mediawiki_server.py"), arguments: ["--articles", articles.path])
    }

    /// The API address, behind `mode` ("slow/2", "status/429", "malformed" …) when given.
    func endpoint(_ mode: String? = nil) -> URL {
        URL(string: server.url("/\(mode.map { $0 + "/" } ?? "")w/api.php"))!
    }
}
