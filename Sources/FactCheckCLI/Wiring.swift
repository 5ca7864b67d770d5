import FactCheckCore
import Foundation
import Inference
import Provisioning
import Fetching
import LLM
import Logging
import Providers
import Retrieval
import Stages
import Store
import Verification

/// The one place where concrete stages are chosen and connected.
extension DataHome {
    var databasePath: String { root.appendingPathComponent("factcheck.sqlite").path }

    /// The Lin et al. 2023 domain ratings that `scripts/install_domain_ratings.py` put in this home, if it did.
    var installedDomainRatings: String? {
        let path = root.appendingPathComponent("domain_quality_lin2023.jsonl").path
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }

    func knowledgeBase() throws -> KnowledgeBase { try KnowledgeBase(path: databasePath) }

    /// A model installed in this home, or an error saying how to install it.
    func installedModel(_ nameOrPath: String) throws -> URL {
        if nameOrPath.contains("/"), FileManager.default.fileExists(atPath: nameOrPath) { return URL(fileURLWithPath: nameOrPath) }
        let directory = models.appendingPathComponent(nameOrPath)
        guard FileManager.default.fileExists(atPath: directory.appendingPathComponent("manifest.json").path) else {
            throw EvalError("model '\(nameOrPath)' is not installed in \(models.path); run `factcheck setup` or `factcheck models install \(nameOrPath)`")
        }
        return directory
    }

    func embedder(threads: Int = 2) throws -> EncoderEmbedder {
        try EncoderEmbedder(directory: installedModel(ModelCatalog.embedderName), threadCount: threads)
    }

    func stanceClassifier(_ verifier: String = ModelCatalog.verifierName, threads: Int = 2) throws -> NLIStanceClassifier {
        NLIStanceClassifier(verifier: try NLIVerifier(directory: installedModel(verifier), threadCount: threads))
    }

    /// The embedded default pipeline: rules → hybrid retrieval over SQLite → domain credibility → NLI → weighted verdict → template report.
    /// - Parameter embedder: the sentence embedder to search with (loaded here when nil).
    /// - Parameter calibrated: replace the aggregator's raw confidence by the shipped calibration's (off only to fit one).
    /// - Parameter grounded: read passages sentence by sentence with the grounding rules (off: the verifier's stance on
    ///   each whole passage, for measuring what the rules add).
    /// - Parameter providers: where evidence comes from (the local knowledge base alone when nil).
    /// - Parameter llm: the optional LLM and its uses (none when nil).
    func pipeline(verifier: String = ModelCatalog.verifierName, credibilityRatings: String? = nil, embedder: EncoderEmbedder? = nil,
                  calibrated: Bool = true, grounded: Bool = true, providers: ProviderOptions? = nil,
                  fetchCache: (any FetchCache)? = nil, llm: LLMOptions? = nil) throws -> FactCheckPipeline {
        let embedder = try embedder ?? self.embedder()
        let stance = try stanceClassifier(verifier)
        // Ratings given with --ratings apply to every domain; the ones installed in the home only to domains the
        // publisher table does not list (measured: applied to Wikipedia too, two more SUPPORTED claims were called false).
        let credibility = try DomainCredibilityScorer(configuration: .init(ratingsFile: credibilityRatings ?? installedDomainRatings,
                                                                           ratesUnlistedDomainsOnly: credibilityRatings == nil))
        var builder = PipelineBuilder(
            verifier: stance, retriever: try retriever(providers: providers, embedder: embedder, fetchCache: fetchCache, llm: llm),
            credibility: credibility
        )
        builder.grounded = grounded
        builder.calibrated = calibrated
        builder.configuration = .init(llmTokens: llm?.llmCheckTokens ?? 12_000, llmTime: .seconds(llm?.llmCheckSeconds ?? 120))
        if let client = llm?.client(for: .normalize) { builder.normalizer = { LLMClaimNormalizer(client: client, base: $0) } }
        if let client = llm?.client(for: .judge) { builder.stance = { LLMStanceJudge(client: client, verifier: $0) } }
        if let client = llm?.client(for: .prose) { builder.writer = { LLMReportWriter(client: client, base: $0, verifier: stance) } }
        return try builder.pipeline()
    }
}

extension DataHome {
    /// The evidence providers chosen (the local knowledge base alone by default), asked together and fused.
    /// - Parameter fetchCache: where online answers and pages are kept (default: the data home's database).
    /// - Parameter llm: the optional LLM, which writes more search phrasings when its `queries` use is chosen.
    func retriever(providers options: ProviderOptions?, embedder: EncoderEmbedder, fetchCache: (any FetchCache)? = nil,
                   llm: LLMOptions? = nil) throws -> FusedEvidenceRetriever {
        let kinds = try options?.kinds ?? [.local]
        // Online answers and pages are kept: a claim checked again is not fetched again.
        let cache: (any FetchCache)? = kinds == [.local] ? nil : try fetchCache ?? SQLiteFetchCache(path: databasePath)
        let client = JSONAPIClient.Configuration(cache: cache)
        let loader = options.map { evidenceLoader($0, cache: cache) }
        let providers: [any EvidenceProvider] = try kinds.map { kind in
            switch kind {
            case .local:
                let knowledgeBase = try knowledgeBase()
                guard try knowledgeBase.counts().passages > 0 else {
                    throw EvalError("the knowledge base \(databasePath) is empty; run `factcheck setup` or `factcheck ingest PATH…`")
                }
                return HybridRetriever(store: knowledgeBase, embedder: embedder)
            case .wikipedia:
                return MediaWikiProvider(configuration: .init(endpoint: try options!.wikipediaEndpoint, client: client))
            case .searxng:
                return WebSearchProvider(engine: SearxNGEngine(base: try options!.searxngBase, client: client), loader: loader!)
            case .brave:
                return WebSearchProvider(engine: BraveSearchEngine(endpoint: try options!.braveEndpoint, key: try options!.braveKey, client: client),
                                         loader: loader!)
            case .factchecktools:
                return FactCheckToolsProvider(endpoint: try options!.factCheckToolsEndpoint, key: try options!.factCheckToolsKey, client: client)
            }
        }
        let logger = Logger(label: "factcheck.providers")
        return FusedEvidenceRetriever(
            providers: providers, embedder: embedder,
            queryWriter: llm?.client(for: .queries).map { LLMSearchQueryWriter(client: $0, base: KeywordSearchQueryWriter()) } ?? KeywordSearchQueryWriter(),
            configuration: try retrieverConfiguration(options, providers: providers),
            onFailure: { provider, claim, error in
                logger.warning("evidence provider failed", metadata: ["provider": "\(provider)", "claim": "\(claim.id)", "error": "\(error)"])
            }
        )
    }

    /// Deadlines and passage limits of the providers, as the options set them.
    private func retrieverConfiguration(_ options: ProviderOptions?, providers: [any EvidenceProvider]) throws -> FusedEvidenceRetriever.Configuration {
        guard let options else { return .init() }
        let deadlines = try options.deadlines
        var limits = try options.passageLimits
        if let all = limits.removeValue(forKey: "*") {
            for provider in providers where limits[provider.name] == nil { limits[provider.name] = all }
        }
        return .init(providerDeadline: deadlines.all, deadlines: deadlines.by, passageLimits: limits)
    }

    /// The loader of result pages for web search providers, one for all of them so that each host's pace and robots.txt
    /// are kept across providers: the safe fetcher, with a shorter deadline than a user's article gets, since a check
    /// waits for it.
    private func evidenceLoader(_ options: ProviderOptions, cache: (any FetchCache)?) -> WebArticleLoader {
        WebArticleLoader(fetcher: SafeFetcher(configuration: .init(
            totalTimeout: .seconds(6),
            userAgent: "FactCheck/1.0 (+https://github.com/factcheck; reading a search result as evidence for a fact check)",
            policy: AddressPolicy(allowedHosts: options.fetchAllowedHosts),
            cache: cache
        )))
    }

    /// The offline claim extractor, scoring with the shipped check-worthiness model over `embedder`'s vectors.
    func claimExtractor(embedder: EncoderEmbedder) throws -> CheckWorthyClaimExtractor {
        CheckWorthyClaimExtractor(model: try CheckWorthinessModel.bundled(embedder: embedder))
    }

    /// The claim extractor for articles: the LLM's when its `extract` use is chosen (ranked by `base`), else `base`.
    func claimExtractor(_ base: CheckWorthyClaimExtractor, llm: LLMOptions?) -> any ClaimExtractor {
        llm?.client(for: .extract).map { LLMClaimExtractor(client: $0, base: base) } ?? base
    }
}
