import ArgumentParser
import FactCheckCore
import FactCheckWeb
import Fetching
import Foundation
import Hummingbird
import Logging
import PostgresStore
import Store

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the web app and JSON API on the embedded default (SQLite knowledge base, local models).",
        discussion: "Run `factcheck setup` first (`make serve` does). Set FACTCHECK_ADMIN_TOKEN to enable deleting comments. "
            + "With --database, published checks and comments live in a PostgreSQL database that several instances share."
    )
    @OptionGroup var home: HomeOptions
    @OptionGroup(title: "Shared database") var storage: DatabaseOptions
    @OptionGroup(title: "Evidence providers") var evidence: ProviderOptions
    @OptionGroup(title: "LLM (optional)") var llm: LLMOptions
    @Option(help: "Address to listen on.") var host = "127.0.0.1"
    @Option(help: "Port (0 picks a free one).") var port = 8080
    @Option(help: "Public base URL for links, feeds and ClaimReview (default http://HOST:PORT).") var publicURL: String?
    @Option(help: "Fact checks run at the same time.") var concurrentChecks = 1
    @Option(help: "Check workers in this process (default: --concurrent-checks; 0 with --database: only take submissions, beside `factcheck worker` processes).")
    var workers: Int?
    @Option(help: "Checks allowed to wait in the queue.") var queueLength = 200
    @Option(help: "New checks per client address and minute.") var checksPerMinute = 10
    @Option(help: "Comments per client address and minute.") var commentsPerMinute = 5
    @Option(help: "Article checks per client address and minute.") var articlesPerMinute = 3
    @Flag(help: "Take the client address from X-Forwarded-For (only behind a trusted reverse proxy).") var trustForwardedFor = false
    @Option(help: "Lin et al. 2023 domain ratings JSONL to blend into credibility.") var ratings: String?

    func validate() throws {
        guard (0 ... 65535).contains(port) else { throw ValidationError("--port must be 0…65535.") }
        guard concurrentChecks >= 1, queueLength >= 0, checksPerMinute >= 1, commentsPerMinute >= 1, articlesPerMinute >= 1 else {
            throw ValidationError("--concurrent-checks, --checks-per-minute, --comments-per-minute and --articles-per-minute must be at least 1.")
        }
        if let workers, workers < 0 || workers == 0 && storage.url == nil {
            throw ValidationError("--workers must be at least 1, or 0 with --database (then `factcheck worker` processes run the checks).")
        }
        if let publicURL, URL(string: publicURL)?.scheme.map({ ["http", "https"].contains($0) }) != true {
            throw ValidationError("--public-url must be an http(s) URL.")
        }
    }

    func run() async throws {
        ServerLogging.bootstrap()
        let logger = Logger(label: "factcheck.web")
        let dataHome = home.dataHome
        guard FileManager.default.isWritableFile(atPath: dataHome.root.path) else {
            throw ValidationError("The data folder \(dataHome.root.path) is read-only: FactCheck keeps its database and secret there. "
                + "Make it writable or choose another with --home or FACTCHECK_HOME.")
        }
        let embedder = try dataHome.embedder()
        let stores = try storage.stores(dataHome: dataHome, logger: Logger(label: "factcheck.postgres"))
        let pipeline = try dataHome.pipeline(credibilityRatings: ratings, embedder: embedder, providers: evidence, fetchCache: stores.fetchCache, llm: llm)
        // Instances sharing a database share its secret; the embedded default keeps it in the data home.
        @Sendable func serve(secret: [UInt8]) async throws {
            let configuration = WebConfiguration(
                publicURL: publicURL ?? "http://\(host):\(port)",
                adminToken: ProcessInfo.processInfo.environment["FACTCHECK_ADMIN_TOKEN"].flatMap { $0.isEmpty ? nil : $0 },
                maxConcurrentChecks: concurrentChecks, maxQueuedChecks: queueLength, jobLease: .seconds(storage.jobLease),
                checkSubmissionsPerMinute: checksPerMinute, articleSubmissionsPerMinute: articlesPerMinute, commentsPerMinute: commentsPerMinute,
                trustForwardedFor: trustForwardedFor,
                csrfSecret: secret
            )
            let service = CheckService(pipeline: pipeline, archive: stores.archive, queue: stores.queue,
                                       embedder: embedder, configuration: configuration, metrics: WebMetrics(), logger: logger)
            let articles = ArticleService(checks: service, extractor: dataHome.claimExtractor(try dataHome.claimExtractor(embedder: embedder), llm: llm), loader: WebArticleLoader(), logger: logger)
            let app = try await FactCheckWebApp(service: service, articles: articles, rateLimits: stores.rateLimits)
            try await app.application(host: host, port: port, workers: workers, logger: logger) { port in
                print("FactCheck is running at http://\(host):\(port)/ (Ctrl-C to stop)")
            }.runService()
        }
        guard let postgres = stores.postgres else { return try await serve(secret: try dataHome.serverSecret()) }
        try await postgres.whileRunning {
            if storage.migrate { try await postgres.whenReachable { try await postgres.migrate() } }
            logger.info("published checks, comments and jobs are kept in \(postgres.configuration.redactedURL)")
            try await serve(secret: try await postgres.whenReachable { try await postgres.sharedSecret() })
        }
    }
}
