import ArgumentParser
import FactCheckCore
import FactCheckWeb
import Fetching
import Foundation
import Logging
import ServiceLifecycle

struct WorkerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker",
        abstract: "Run fact checks and article checks from the shared PostgreSQL queue (no web server), beside `factcheck serve --database … --workers 0`.",
        discussion: "SIGTERM or Ctrl-C stops taking checks and finishes the ones running; those still running after one lease "
            + "(--job-lease) are handed back to the queue. A worker killed outright loses nothing: its checks are taken again when their leases run out."
    )
    @OptionGroup var home: HomeOptions
    @OptionGroup(title: "Shared database") var storage: DatabaseOptions
    @OptionGroup(title: "Evidence providers") var evidence: ProviderOptions
    @OptionGroup(title: "LLM (optional)") var llm: LLMOptions
    @Option(help: "Checks this process runs at the same time.") var concurrentChecks = 1
    @Option(help: "Lin et al. 2023 domain ratings JSONL to blend into credibility.") var ratings: String?

    func validate() throws {
        guard storage.url != nil else { throw ValidationError("A worker needs the shared database: --database postgres://… or $FACTCHECK_DATABASE_URL.") }
        guard concurrentChecks >= 1 else { throw ValidationError("--concurrent-checks must be at least 1.") }
    }

    func run() async throws {
        ServerLogging.bootstrap()
        let logger = Logger(label: "factcheck.worker")
        let dataHome = home.dataHome
        let embedder = try dataHome.embedder()
        let stores = try storage.stores(dataHome: dataHome, logger: Logger(label: "factcheck.postgres"))
        let pipeline = try dataHome.pipeline(credibilityRatings: ratings, embedder: embedder, providers: evidence, fetchCache: stores.fetchCache, llm: llm)
        guard let postgres = stores.postgres else { throw ValidationError("A worker needs the shared database.") }
        let configuration = WebConfiguration(maxConcurrentChecks: concurrentChecks, jobLease: .seconds(storage.jobLease))
        let service = CheckService(pipeline: pipeline, archive: stores.archive, queue: stores.queue, embedder: embedder,
                                   configuration: configuration, metrics: WebMetrics(), logger: logger)
        let articles = ArticleService(checks: service, extractor: dataHome.claimExtractor(try dataHome.claimExtractor(embedder: embedder), llm: llm), loader: WebArticleLoader(), logger: logger)
        try await postgres.whileRunning {
            if storage.migrate { try await postgres.whenReachable { try await postgres.migrate() } }
            var group = ServiceGroupConfiguration(services: [.init(service: CheckWorkers(articles: articles))],
                                                  gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
            group.maximumGracefulShutdownDuration = .seconds(storage.jobLease)
            print("FactCheck worker running \(concurrentChecks) check(s) at a time from \(postgres.configuration.redactedURL) (Ctrl-C to stop)")
            try await ServiceGroup(configuration: group).run()
        }
    }
}
