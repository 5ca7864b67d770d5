import Foundation
import FactCheckCore
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Downloads files from a Hugging Face Hub endpoint (`<endpoint>/<repo>/resolve/<revision>/<file>`),
/// resuming partial downloads and verifying SHA-256 (pinned, or the Hub's `X-Linked-Etag` for LFS files).
public struct HubClient: Sendable {
    /// `HF_ENDPOINT` if set, else https://huggingface.co.
    public var endpoint: URL
    /// Where partial downloads (`*.part`) are kept between attempts.
    public var partialDirectory: URL
    public var timeout: TimeInterval

    public init(endpoint: URL? = nil, partialDirectory: URL, timeout: TimeInterval = 60) {
        self.endpoint = endpoint
            ?? ProcessInfo.processInfo.environment["HF_ENDPOINT"].flatMap(URL.init(string:))
            ?? URL(string: "https://huggingface.co")!
        self.partialDirectory = partialDirectory
        self.timeout = timeout
    }

    /// What a finished download reports.
    public struct Download: Sendable {
        public let sha256: String
        public let bytes: Int
        /// The commit the Hub resolved the revision to (`X-Repo-Commit`), when it says.
        public let commit: String?
    }

    /// Downloads `file` of `repo` at `revision` to `destination`, resuming a previous partial download.
    /// Fails if the content's SHA-256 differs from `expectedSHA256` (or from the Hub's LFS hash when unpinned).
    public func download(repo: String, revision: String, file: String, to destination: URL, expectedSHA256: String?) async throws -> Download {
        let url = endpoint.appendingPathComponent(repo).appendingPathComponent("resolve")
            .appendingPathComponent(revision).appendingPathComponent(file)
        let partial = partialDirectory.appendingPathComponent("\(repo.replacingOccurrences(of: "/", with: "--"))@\(revision)")
            .appendingPathComponent(file + ".part")
        try FileManager.default.createDirectory(at: partial.deletingLastPathComponent(), withIntermediateDirectories: true)
        let response = try await FileDownload(url: url, partial: partial, timeout: timeout).run()
        let sha256 = try FileDigest.sha256Hex(ofFile: partial)
        let expected = expectedSHA256 ?? response.linkedSHA256
        if let expected, expected.lowercased() != sha256 {
            try? FileManager.default.removeItem(at: partial)
            throw ProvisioningError("\(url.absoluteString): SHA-256 \(sha256) does not match the expected \(expected); the partial download was discarded")
        }
        try? FileManager.default.removeItem(at: destination)
        try FileManager.default.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.moveItem(at: partial, to: destination)
        let bytes = (try FileManager.default.attributesOfItem(atPath: destination.path)[.size] as? Int) ?? 0
        return Download(sha256: sha256, bytes: bytes, commit: response.commit)
    }
}

/// One HTTP GET streamed to a `.part` file, continuing from its current size with a `Range` request.
private final class FileDownload: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    struct Response { var linkedSHA256: String?; var commit: String? }

    private let url: URL
    private let partial: URL
    private let timeout: TimeInterval
    private let lock = NSLock()
    private var handle: FileHandle?
    private var response = Response()
    private var failure: Error?
    /// The Hub's hash header, which arrives on the redirect for LFS files.
    private var linkedEtag: String?
    private var continuation: CheckedContinuation<Response, Error>?

    init(url: URL, partial: URL, timeout: TimeInterval) {
        self.url = url
        self.partial = partial
        self.timeout = timeout
    }

    func run() async throws -> Response {
        let existing = (try? FileManager.default.attributesOfItem(atPath: partial.path)[.size] as? Int) ?? 0
        var request = URLRequest(url: url, timeoutInterval: timeout)
        request.setValue("factcheck", forHTTPHeaderField: "User-Agent")
        if existing > 0 { request.setValue("bytes=\(existing)-", forHTTPHeaderField: "Range") }
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        let session = URLSession(configuration: configuration, delegate: self, delegateQueue: nil)
        defer { session.finishTasksAndInvalidate() }
        return try await withCheckedThrowingContinuation { continuation in
            lock.withLock { self.continuation = continuation }
            session.dataTask(with: request).resume()
        }
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                    completionHandler: @escaping (URLSession.ResponseDisposition) -> Void) {
        guard let http = response as? HTTPURLResponse else { return completionHandler(.cancel) }
        // Decide under the lock, answer outside it: the session may deliver data synchronously.
        let disposition: URLSession.ResponseDisposition = lock.withLock {
            do {
                switch http.statusCode {
                case 200:
                    _ = FileManager.default.createFile(atPath: partial.path, contents: nil)  // server ignored Range: restart
                    handle = try FileHandle(forWritingTo: partial)
                case 206:
                    handle = try FileHandle(forWritingTo: partial)
                    try handle?.seekToEnd()
                case 416:
                    handle = nil  // the partial file is already complete
                case 401, 403, 404:
                    throw ProvisioningError("\(url.absoluteString): HTTP \(http.statusCode) — no such repository, revision or file (or it needs a login)")
                default:
                    throw ProvisioningError("\(url.absoluteString): HTTP \(http.statusCode)")
                }
                let etag = (linkedEtag ?? http.value(forHTTPHeaderField: "X-Linked-Etag") ?? http.value(forHTTPHeaderField: "ETag"))?
                    .trimmingCharacters(in: CharacterSet(charactersIn: "\"W/ "))
                if let etag, etag.count == 64, etag.allSatisfy(\.isHexDigit) { self.response.linkedSHA256 = etag.lowercased() }
                if let commit = http.value(forHTTPHeaderField: "X-Repo-Commit") { self.response.commit = commit }
                return .allow
            } catch {
                failure = error
                return .cancel
            }
        }
        completionHandler(disposition)
    }

    /// Keeps the `Range` header when the Hub redirects an LFS file to its CDN.
    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void) {
        var redirected = request
        if let range = task.originalRequest?.value(forHTTPHeaderField: "Range") {
            redirected.setValue(range, forHTTPHeaderField: "Range")
        }
        lock.withLock {
            if let etag = response.value(forHTTPHeaderField: "X-Linked-Etag") { linkedEtag = etag }
            if let commit = response.value(forHTTPHeaderField: "X-Repo-Commit") { self.response.commit = commit }
        }
        completionHandler(redirected)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        lock.lock()
        defer { lock.unlock() }
        guard failure == nil else { return }
        do { try handle?.write(contentsOf: data) } catch {
            failure = ProvisioningError("\(partial.path): cannot write: \(error.localizedDescription)")
            dataTask.cancel()
        }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
        lock.lock()
        try? handle?.close()
        handle = nil
        let continuation = self.continuation
        self.continuation = nil
        let outcome: Result<Response, Error>
        if let failure {
            outcome = .failure(failure)
        } else if let error {
            outcome = .failure(Self.describe(error, url: url))
        } else {
            outcome = .success(response)
        }
        lock.unlock()
        continuation?.resume(with: outcome)
    }

    private static func describe(_ error: Error, url: URL) -> Error {
        let host = url.host ?? url.absoluteString
        if let urlError = error as? URLError {
            switch urlError.code {
            case .notConnectedToInternet, .cannotFindHost, .cannotConnectToHost, .dnsLookupFailed, .networkConnectionLost, .timedOut:
                return ProvisioningError(
                    "cannot reach \(host) (offline?): \(urlError.localizedDescription). The partial download is kept and resumes next time; "
                    + "or copy the files to this machine and run `factcheck models install NAME --from DIR`"
                )
            default: break
            }
        }
        return ProvisioningError("\(url.absoluteString): \(error.localizedDescription)")
    }
}
