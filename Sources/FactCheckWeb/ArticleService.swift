import English
import FactCheckCore
import Foundation
import Logging

/// Checks articles for the web app: reads pasted text or a URL into an article, extracts its claims and queues the
/// article as a job. A worker on any instance takes the job, hands each claim to the queue as a claim job (an earlier
/// check of the same claim is reused, a claim already queued is joined), records each verdict as it arrives so pages
/// on every instance follow the progress, and publishes the article check. A job whose worker died is taken again
/// after its lease; the claims checked before are answered at once from the archive.
public final class ArticleService: Sendable {
    let checks: CheckService
    let loader: any ArticleLoader
    let checker: ArticleChecker
    private let logger: Logger

    public init(checks: CheckService, extractor: any ClaimExtractor, loader: any ArticleLoader, logger: Logger) {
        self.checks = checks
        self.loader = loader
        self.logger = logger
        // Every claim goes to the queue at once: the queue, not the article, bounds how many are checked together.
        let maxClaims = checks.configuration.maxArticleClaims
        checker = ArticleChecker(extractor: extractor, configuration: .init(maxClaims: maxClaims, concurrency: maxClaims))
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

    /// Extracts the article's claims and queues their check, returning the job at once (the job already queued or
    /// running for the same article, if any); throws `WebError.unprocessable` when the article makes no check-worthy
    /// statement, `WebError.busy` when the queue is full.
    func submit(_ article: Article) async throws -> ArticleJob {
        let claims = try await checker.claims(in: article)
        guard !claims.isEmpty else {
            throw WebError.unprocessable("No check-worthy statement was found in this text. FactCheck checks statements of fact "
                + "(figures, dates, rankings, memberships, who did what); opinions, questions, predictions and advice are not checked.")
        }
        let request = ArticleCheckRequest(article: article, claims: claims)
        switch try await checks.queue.enqueue(.article(request), maxWaiting: max(1, checks.configuration.maxQueuedArticles)) {
        case let .queued(status), let .joined(status): return ArticleJob(id: status.id, request: request, service: checks)
        case .full: throw WebError.busy(retryAfter: 30)
        }
    }

    /// An article job submitted recently, on any instance (finished jobs are kept for a day).
    func job(id: String) async throws -> ArticleJob? {
        guard let status = try await checks.queue.status(id: id), status.kind == .article,
              case let .article(request) = try await checks.queue.request(id: id) else { return nil }
        return ArticleJob(id: id, request: request, service: checks)
    }

    /// Checks an article job leased to `worker`: its claims through the queue, each verdict recorded as it arrives,
    /// then publishes the article check and ends the job. Cancelled, it hands the job back.
    func run(_ job: ClaimedCheckJob, request: ArticleCheckRequest, worker: String) async {
        let metadata: Logger.Metadata = ["job": "\(job.id)", "worker": "\(worker)", "attempt": "\(job.attempt)"]
        logger.info("checking an article of \(request.claims.count) claims", metadata: metadata)
        let lease = JobLease(id: job.id, worker: worker, queue: checks.queue, duration: checks.configuration.jobLease)
        await lease.hold(logger: logger, metadata: metadata, failureMessage: { Self.failureMessage($0, reference: job.id) }) {
            let claims = request.claims
            let report = try await checker.check(request.article, claims: claims) { claim in
                guard let index = claims.firstIndex(of: claim), let checked = try await self.check(claim) else { return nil }
                let progress = ArticleClaimProgress(index: index, verdict: checked.report.verdict, slug: checked.slug)
                guard try await self.checks.queue.record(progress, job: job.id, worker: worker) else { throw JobLeaseLost() }
                return checked
            }
            guard !Task.isCancelled, await lease.renewNow() else { throw JobLeaseLost() }
            let published = try await checks.archive.publishArticle(report)
            logger.info("published article \(published.slug): \(report.rating)", metadata: metadata)
            return .published(id: published.id)
        }
    }

    /// One claim: an earlier check of it when there is one, else the check queued for it (a new job, or the one
    /// already queued or running for the same claim). A claim the normaliser cannot read as a statement is left out (nil).
    private func check(_ claim: ExtractedClaim) async throws -> ArticleReport.CheckedClaim? {
        guard let submission = try? await checks.prepare(claim.text) else { return nil }
        if let earlier = try await checks.instantAnswer(for: submission) {
            checks.metrics.checkFinished(outcome: "instant")
            return ArticleReport.CheckedClaim(claim: claim, report: earlier.report, slug: earlier.slug)
        }
        while true {
            switch try await checks.queue.enqueue(.claim(submission), maxWaiting: max(1, checks.configuration.maxQueuedChecks)) {
            case let .queued(status), let .joined(status):
                let published = try await CheckJob(id: status.id, service: checks).result()
                return ArticleReport.CheckedClaim(claim: claim, report: published.report, slug: published.slug)
            case .full:
                try await Task.sleep(for: .seconds(2))
            }
        }
    }

    /// What a reader is told when an article check fails: why a claim's check failed, or the storage's reason.
    private static func failureMessage(_ error: Error, reference: String) -> String {
        if let failed = error as? WebError, failed.code == "check_failed" { return failed.message }
        return CheckService.failureMessage(error, reference: reference)
    }
}
