/// What a queued job checks: one claim, or an article claim by claim.
public enum CheckJobRequest: Sendable, Equatable {
    case claim(CheckRequest)
    case article(ArticleCheckRequest)

    /// Jobs of one kind are taken by their own workers: claim workers run the pipeline, article workers hand the
    /// article's claims to the queue as claim jobs and assemble the article check.
    public enum Kind: String, Sendable, Codable {
        case claim, article
    }

    public var kind: Kind {
        switch self {
        case .claim: .claim
        case .article: .article
        }
    }

    /// Two unfinished jobs with the same key are one job.
    public var matchKey: String {
        switch self {
        case let .claim(request): request.matchKey
        case let .article(request): request.matchKey
        }
    }
}
