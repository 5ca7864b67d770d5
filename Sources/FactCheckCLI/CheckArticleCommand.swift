import ArgumentParser
import FactCheckCore
import Fetching
import Foundation
import Stages

struct CheckArticleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-article",
        abstract: "Fact-check an article claim by claim: a file (text, Markdown or HTML), a URL, or - for standard input.",
        discussion: """
        The article's check-worthy statements are extracted (each made to stand alone), checked against the knowledge \
        base, and printed in the article's order with their verdicts and the overall rating (Markdown, or JSON with --json).
        """
    )
    @OptionGroup var home: HomeOptions
    @OptionGroup(title: "Evidence providers") var evidence: ProviderOptions
    @OptionGroup(title: "LLM (optional)") var llm: LLMOptions
    @Argument(help: "A file, an http(s) URL, or - to read standard input.") var input: String
    @Option(help: "The article's title, when the input does not give one.") var title: String?
    @Option(help: "Check at most this many claims, the most check-worthy first (1–100).") var maxClaims = 20
    @Option(help: "Claims checked at once.") var concurrency = 2
    @Flag(help: "Only extract the claims and print them; nothing is checked.") var extractOnly = false
    @Flag(help: "Print JSON.") var json = false
    @Flag(help: "Also print what became of every sentence (stderr).") var trace = false
    @Option(help: "Verifier: an installed model name or a model folder.") var verifier = "factcheck-verifier-minilm-l6"
    @Option(help: "What scores check-worthiness: model (the shipped model over sentence embeddings and the rules' signals) or rules.")
    var scorer: Scorer = .model

    enum Scorer: String, ExpressibleByArgument, CaseIterable {
        case model, rules
    }

    func validate() throws {
        guard (1 ... 100).contains(maxClaims) else { throw ValidationError("--max-claims must be from 1 to 100.") }
        guard (1 ... 16).contains(concurrency) else { throw ValidationError("--concurrency must be from 1 to 16.") }
    }

    func run() async throws {
        let article: Article
        do {
            article = try await readArticle()
        } catch let error as ArticleInputError {
            throw ValidationError(error.description)
        }
        let dataHome = home.dataHome
        let embedder = try dataHome.embedder()
        let ruled = scorer == .model ? try dataHome.claimExtractor(embedder: embedder) : CheckWorthyClaimExtractor()
        let extractor = dataHome.claimExtractor(ruled, llm: llm)
        let traced: (claims: [ExtractedClaim], decisions: [CheckWorthyClaimExtractor.Decision])? = trace ? try await ruled.claims(in: article, limit: maxClaims) : nil
        if let traced { printDecisions(traced.decisions) }
        if extractOnly {
            // Without the LLM the traced extraction is the answer: the article is not read twice.
            let claims: [ExtractedClaim] = if let traced, extractor is CheckWorthyClaimExtractor { traced.claims }
                else { try await extractor.claims(in: article, limit: maxClaims) }
            if json {
                print(try ReportJSON.encode(value: claims))
            } else {
                for (index, claim) in claims.enumerated() {
                    print("\(index + 1). \(claim.text) [\(claim.span.start)–\(claim.span.end), \(String(format: "%.2f", claim.checkWorthiness))]")
                }
            }
            return
        }
        let pipeline = try dataHome.pipeline(verifier: verifier, embedder: embedder, providers: evidence, llm: llm)
        let checker = ArticleChecker(extractor: extractor, configuration: .init(maxClaims: maxClaims, concurrency: concurrency))
        let report = try await checker.check(article) { claim in
            guard let (report, _) = try? await pipeline.check(claim.text) else { return nil }
            return ArticleReport.CheckedClaim(claim: claim, report: report)
        }
        print(json ? try ReportJSON.encode(report) : ArticleMarkdownRenderer().render(report))
    }

    private func readArticle() async throws -> Article {
        let loader = WebArticleLoader()
        if let scheme = URL(string: input)?.scheme?.lowercased(), scheme == "http" || scheme == "https" {
            var article = try await loader.article(fromURL: input)
            article.title = title ?? article.title
            return article
        }
        let data = input == "-" ? FileHandle.standardInput.readDataToEndOfFile() : try Data(contentsOf: URL(fileURLWithPath: input))
        guard let text = String(data: data, encoding: .utf8) else { throw ArticleInputError.binary }
        let fileTitle = input == "-" ? nil : URL(fileURLWithPath: input).deletingPathExtension().lastPathComponent
        var article = try loader.article(fromText: text, title: title)
        article.title = article.title ?? fileTitle
        return article
    }

    private func printDecisions(_ decisions: [CheckWorthyClaimExtractor.Decision]) {
        for decision in decisions {
            let outcome = decision.exclusion ?? "kept: " + decision.claims.joined(separator: " | ")
            FileHandle.standardError.write(Data("[\(String(format: "%.2f", decision.checkWorthiness))] \(decision.sentence)\n    \(outcome)\n".utf8))
        }
    }
}
