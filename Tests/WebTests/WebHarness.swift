import FactCheckCore
import FactCheckWeb
import FactCheckWebTesting
import Fetching
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Stages

/// Builds the web app on the test pipeline and an archive, and wraps a test client with the reader's CSRF cookie.
struct WebHarness {
    var configuration = WebConfiguration(publicURL: "https://factcheck.example", adminToken: "admin-secret",
                                         checkSubmissionsPerMinute: 1000, commentsPerMinute: 1000)
    var archive: any FactCheckArchive = InMemoryFactCheckArchive()
    var stanceDelay: Duration = .zero
    var embedder: (any TextEmbedder)?

    func run<Value: Sendable>(_ test: @Sendable (WebClient) async throws -> Value) async throws -> Value {
        var logger = Logger(label: "test")
        logger.logLevel = .warning
        let service = CheckService(pipeline: try TestPipeline.make(delay: stanceDelay), archive: archive, embedder: embedder,
                                   configuration: configuration, metrics: WebMetrics(), logger: logger)
        let articles = ArticleService(checks: service, extractor: CheckWorthyClaimExtractor(), loader: WebArticleLoader(), logger: logger)
        let app = try await FactCheckWebApp(service: service, articles: articles)
        return try await app.application(host: "127.0.0.1", port: 0, logger: logger).test(.router) { client in
            try await test(try await WebClient(client: client))
        }
    }
}

/// A reader: sends requests with its CSRF session cookie, and the form token the pages gave it in its forms.
struct WebClient: Sendable {
    let client: any TestClientProtocol
    /// The session value in the `fc_csrf` cookie.
    let session: String
    /// The form token of that session, as the home page's form carries it.
    let csrf: String

    init(client: any TestClientProtocol) async throws {
        self.client = client
        let response = try await client.execute(uri: "/", method: .get)
        guard let cookie = response.headers[values: .setCookie].first(where: { $0.hasPrefix("fc_csrf=") }),
              let value = cookie.split(separator: ";").first?.dropFirst("fc_csrf=".count) else {
            throw HarnessError("GET / set no CSRF cookie")
        }
        session = String(value)
        let html = response.text
        guard let start = html.range(of: #"name="csrf" value=""#), let end = html[start.upperBound...].firstIndex(of: "\"") else {
            throw HarnessError("GET / has no form with a CSRF token")
        }
        csrf = String(html[start.upperBound ..< end])
    }

    func get(_ uri: String, headers: HTTPFields = [:]) async throws -> TestResponse {
        var headers = headers
        headers[.cookie] = "fc_csrf=\(session)"
        return try await client.execute(uri: uri, method: .get, headers: headers)
    }

    /// Posts a form with the CSRF field (unless `csrf` is false).
    func postForm(_ uri: String, _ fields: [(String, String)], csrf includeToken: Bool = true, accept: String? = nil,
                  headers extra: HTTPFields = [:]) async throws -> TestResponse {
        let all = (includeToken ? [("csrf", csrf)] : []) + fields
        let body = all.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded", .cookie: "fc_csrf=\(session)"]
        if let accept { headers[.accept] = accept }
        headers.append(contentsOf: extra)
        return try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body))
    }

    func postJSON(_ uri: String, _ object: Any, headers: HTTPFields = [:]) async throws -> TestResponse {
        let data = try JSONSerialization.data(withJSONObject: object)
        var headers = headers
        headers[.contentType] = "application/json"
        return try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(bytes: data))
    }

    func execute(_ uri: String, method: HTTPRequest.Method, headers: HTTPFields = [:], body: String? = nil) async throws -> TestResponse {
        try await client.execute(uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}

struct HarnessError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

extension TestResponse {
    var text: String { body.getString(at: body.readerIndex, length: body.readableBytes) ?? "" }
    func json() throws -> [String: Any] {
        guard let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else { throw HarnessError("not a JSON object: \(text)") }
        return object
    }
}
