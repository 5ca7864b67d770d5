import FactCheckCore
import Foundation

/// A queued article check as a page follows it, claim by claim: its events, read from the queue (which any
/// instance's workers update).
final class ArticleJob: Sendable {
    enum Event: Equatable {
        case queued
        case extracted([ExtractedClaim])
        case checked(ArticleClaimProgress)
        case published(PublishedArticle)
        case failed(String)
        /// The queue could not be read for a while: the check may still finish.
        case unreachable
    }

    /// Where the job stands when a page or the API asks.
    struct Progress {
        var checked: [Int: ArticleClaimProgress]
        var published: PublishedArticle?
        var failure: String?
    }

    let id: String
    let request: ArticleCheckRequest
    private let service: CheckService

    init(id: String, request: ArticleCheckRequest, service: CheckService) {
        self.id = id
        self.request = request
        self.service = service
    }

    var claims: [ExtractedClaim] { request.claims }

    /// `queued` and `extracted`, `checked` as each claim gets its verdict, then `published` or `failed`;
    /// `unreachable` ends it when the queue cannot be read for 15 seconds.
    func updates() -> AsyncStream<Event> {
        let (id, claims, service) = (id, request.claims, service)
        return AsyncStream { continuation in
            let task = Task {
                continuation.yield(.queued)
                continuation.yield(.extracted(claims))
                var reported: [Int: ArticleClaimProgress] = [:]
                readings: for await reading in service.readings(of: id) {
                    let status: CheckJobStatus
                    switch reading {
                    case .gone: continuation.yield(.failed("this article check is no longer known")); break readings
                    case .unreachable: continuation.yield(.unreachable); break readings
                    case let .status(read): status = read
                    }
                    for checked in status.checked where reported[checked.index] != checked {
                        reported[checked.index] = checked
                        continuation.yield(.checked(checked))
                    }
                    if status.state == .published, let articleID = status.publishedID {
                        if let article = try? await service.archive.article(idOrSlug: articleID) {
                            continuation.yield(.published(article))
                            break
                        }
                    } else if status.state == .failed {
                        continuation.yield(.failed(status.message ?? "the article check failed"))
                        break
                    }
                }
                continuation.finish()
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    /// The claims checked so far and how the job ended; nil when the queue no longer knows the job.
    func progress() async throws -> Progress? {
        guard let status = try await service.queue.status(id: id) else { return nil }
        var progress = Progress(checked: Dictionary(status.checked.map { ($0.index, $0) }, uniquingKeysWith: { $1 }), failure: status.message)
        if status.state == .published, let articleID = status.publishedID {
            progress.published = try await service.archive.article(idOrSlug: articleID)
        }
        return progress
    }
}
