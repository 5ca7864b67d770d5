import FactCheckCore
import Foundation
import Logging

/// Checks articles for the web app: reads pasted text or a URL into an article, extracts its claims, checks each
/// (an earlier check of the same claim is reused; new ones are published as fact checks of their own), publishes
/// the article check, and lets pages follow the progress claim by claim. Articles run one at a time by default;
/// a bounded number wait.
public final class ArticleService: Sendable {
    let checks: CheckService
    let loader: any ArticleLoader
    let checker: ArticleChecker
    private let queue: CheckQueue
    private let jobs = ArticleJobRegistry()
    private let logger: Logger

    public init(checks: CheckService, extractor: any ClaimExtractor, loader: any ArticleLoader, logger: Logger) {
        self.checks = checks
        self.loader = loader
        self.logger = logger
        let configuration = checks.configuration
        checker = ArticleChecker(extractor: extractor, configuration: .init(maxClaims: configuration.maxArticleClaims,
                                                                           concurrency: configuration.articleClaimConcurrency))
        queue = CheckQueue(slots: configuration.maxConcurrentArticles, maxWaiting: configuration.maxQueuedArticles)
    }

    /// What the claim box was given when it is not one claim.
    enum ArticleInput {
        case url
        case text
    }

    /// `.url` for a lone http(s) address, `.text` for more than a claim (longer than `maxClaimLength`, or three
    /// sentences or more), `nil` for a claim.
    static func articleInput(_ input: String, maxClaimLength: Int) -> ArticleInput? {
        let trimmed = input.trimmingCharacters(in: .whitespacesAndNewlines)
        if !trimmed.contains(where: \.isWhitespace), let url = URL(string: trimmed), let scheme = url.scheme?.lowercased(),
           scheme == "http" || scheme == "https", url.host != nil {
            return .url
        }
        if trimmed.unicodeScalars.count > maxClaimLength || SentenceSplitter.sentences(in: trimmed).count >= 3 { return .text }
        return nil
    }

    /// An article from what a user sent: a URL (fetched safely) or pasted text, Markdown or HTML.
    func article(text: String?, url: String?, title: String?) async throws -> Article {
        do {
            if let url = url?.trimmingCharacters(in: .whitespacesAndNewlines), !url.isEmpty {
                var article = try await loader.article(fromURL: url)
                if let title, !title.isEmpty { article.title = title }
                return article
            }
            return try loader.article(fromText: text ?? "", title: title.flatMap { $0.isEmpty ? nil : $0 })
        } catch let error as ArticleInputError {
            if error.isTooLong { throw WebError.tooLarge(message: error.description) }
            if error.isFetchFailure { throw WebError.unprocessable(error.description) }
            throw WebError.badRequest(error.description)
        }
    }

    /// Extracts the article's claims, then queues their check and returns the job at once; throws
    /// `WebError.unprocessable` when the article makes no check-worthy statement, `WebError.busy` when the queue is full.
    func submit(_ article: Article) async throws -> ArticleJob {
        let claims = try await checker.claims(in: article)
        guard !claims.isEmpty else {
            throw WebError.unprocessable("No check-worthy statement was found in this text. FactCheck checks statements of fact "
                + "(figures, dates, rankings, memberships, who did what); opinions, questions, predictions and advice are not checked.")
        }
        let job = ArticleJob(article: article)
        try await queue.admit()
        await jobs.add(job)
        job.record(.queued)
        job.record(.extracted(claims))
        Task { await self.run(job, claims: claims) }
        return job
    }

    /// A job submitted recently (kept for ten minutes after it finishes).
    func job(id: String) async -> ArticleJob? { await jobs.job(id: id) }

    private func run(_ job: ArticleJob, claims: [ExtractedClaim]) async {
        await queue.run {
            do {
                let report = try await self.checker.check(job.article, claims: claims, progress: { progress in
                    if case let .checked(index, claim) = progress { job.record(.checked(index: index, claim: claim)) }
                }, checkClaim: { claim in try await self.check(claim) })
                let published = try await self.checks.archive.publishArticle(report)
                self.logger.info("published article \(published.slug): \(report.rating)", metadata: ["job": "\(job.id)"])
                job.record(.published(published))
            } catch {
                self.logger.error("article check failed: \(error)", metadata: ["job": "\(job.id)"])
                job.record(.failed(CheckService.failureMessage(error, reference: job.id)))
            }
        }
    }

    /// One claim: an earlier check of it when there is one, else a new check, published. A claim the normaliser
    /// cannot read as a statement is left out (nil).
    private func check(_ claim: ExtractedClaim) async throws -> ArticleReport.CheckedClaim? {
        guard let submission = try? await checks.prepare(claim.text) else { return nil }
        if let earlier = try await checks.instantAnswer(for: submission) {
            checks.metrics.checkFinished(outcome: "instant")
            return ArticleReport.CheckedClaim(claim: claim, report: earlier.report, slug: earlier.slug)
        }
        let published = try await checks.checkAndPublish(submission)
        return ArticleReport.CheckedClaim(claim: claim, report: published.report, slug: published.slug)
    }
}

/// Article jobs by id; finished jobs are forgotten after ten minutes.
private actor ArticleJobRegistry {
    private var jobs: [String: ArticleJob] = [:]

    func add(_ job: ArticleJob) {
        let cutoff = Date().addingTimeInterval(-600)
        jobs = jobs.filter { !$0.value.isFinished || $0.value.created > cutoff }
        jobs[job.id] = job
    }

    func job(id: String) -> ArticleJob? { jobs[id] }
}
