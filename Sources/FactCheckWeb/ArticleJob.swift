import FactCheckCore
import Foundation

/// One article submitted to the web app and its progress, claim by claim.
final class ArticleJob: Sendable {
    enum Event: JobEvent, Equatable {
        case queued
        case extracted([ExtractedClaim])
        case checked(index: Int, claim: ArticleReport.CheckedClaim)
        case published(PublishedArticle)
        case failed(String)

        var isTerminal: Bool {
            switch self {
            case .published, .failed: true
            default: false
            }
        }
    }

    let id: String
    let article: Article
    let created = Date()
    private let events = JobEvents<Event>()

    init(article: Article) {
        id = UUID().uuidString.lowercased()
        self.article = article
    }

    func record(_ event: Event) { events.record(event) }

    func updates() -> AsyncStream<Event> { events.updates() }

    /// Where the job stands: the claims found (once extracted), those checked so far, and how it ended.
    var progress: (claims: [ExtractedClaim]?, checked: [Int: ArticleReport.CheckedClaim], published: PublishedArticle?, failure: String?) {
        var claims: [ExtractedClaim]?, checked: [Int: ArticleReport.CheckedClaim] = [:], published: PublishedArticle?, failure: String?
        for event in events.snapshot {
            switch event {
            case let .extracted(found): claims = found
            case let .checked(index, claim): checked[index] = claim
            case let .published(article): published = article
            case let .failed(message): failure = message
            case .queued: break
            }
        }
        return (claims, checked, published, failure)
    }

    var isFinished: Bool { events.isFinished }
}
