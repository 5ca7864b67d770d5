import Foundation

/// Settings of the web app. Every limit has a default suitable for a public site on a small machine.
public struct WebConfiguration: Sendable {
    /// Absolute base URL used in feeds, sitemaps, canonical links and ClaimReview (no trailing slash).
    public var publicURL: String
    /// Token that lets an administrator delete comments; nil disables deletion.
    public var adminToken: String?
    /// Fact checks this instance's workers run at the same time (each uses the CPU fully).
    public var maxConcurrentChecks: Int
    /// Checks allowed to wait for a worker (at least one: a check waits until a worker takes it); beyond this,
    /// submissions get 503 with Retry-After.
    public var maxQueuedChecks: Int
    /// How long a worker holds a job without renewing it; a job whose worker died is taken again after this.
    public var jobLease: Duration
    /// Workers that may take one job before it fails with a message on its page.
    public var maxJobAttempts: Int
    /// How often a page following a check reads its job.
    public var jobPollInterval: Duration
    /// Longest claim accepted, in characters.
    public var maxClaimLength: Int
    public var maxCommentLength: Int
    public var maxCommenterNameLength: Int
    /// Reports after which a comment is hidden.
    public var hideCommentAfterReports: Int
    /// Cosine similarity between normalised claims at or above which an earlier check is shown as an instant answer.
    public var instantAnswerSimilarity: Float
    /// Published checks per listing page.
    public var pageSize: Int
    /// Largest request body accepted, in bytes.
    public var maxRequestBodyBytes: Int
    /// Per client address and minute.
    public var checkSubmissionsPerMinute: Int
    public var articleSubmissionsPerMinute: Int
    public var commentsPerMinute: Int
    /// Use the first `X-Forwarded-For` address as the client (only behind a trusted reverse proxy).
    public var trustForwardedFor: Bool
    /// The key of the HMAC that binds CSRF form tokens to this server (`factcheck serve` keeps it in the data home).
    public var csrfSecret: [UInt8]
    /// Comments per page under a fact check and in the comments API (unless `per_page` says otherwise).
    public var commentsPageSize: Int
    /// Claims checked per article, the most check-worthy first.
    public var maxArticleClaims: Int
    /// Articles one process's workers follow at once (each hands its claims to the queue as claim jobs and waits for
    /// them), and articles allowed to wait; beyond this, submissions get 503 with Retry-After.
    public var maxConcurrentArticles: Int
    public var maxQueuedArticles: Int
    /// Largest request body accepted where an article is sent, in bytes (an article may be 100,000 characters).
    public var maxArticleBodyBytes: Int

    public init(
        publicURL: String = "http://127.0.0.1:8080",
        adminToken: String? = nil,
        maxConcurrentChecks: Int = 1,
        maxQueuedChecks: Int = 200,
        jobLease: Duration = .seconds(30),
        maxJobAttempts: Int = 3,
        jobPollInterval: Duration = .milliseconds(200),
        maxClaimLength: Int = 1_000,
        maxCommentLength: Int = 2_000,
        maxCommenterNameLength: Int = 60,
        hideCommentAfterReports: Int = 3,
        instantAnswerSimilarity: Float = 0.95,
        pageSize: Int = 20,
        maxRequestBodyBytes: Int = 64 * 1024,
        checkSubmissionsPerMinute: Int = 10,
        articleSubmissionsPerMinute: Int = 3,
        commentsPerMinute: Int = 5,
        trustForwardedFor: Bool = false,
        csrfSecret: [UInt8] = (0 ..< 32).map { _ in UInt8.random(in: .min ... .max) },
        commentsPageSize: Int = 50,
        maxArticleClaims: Int = 20,
        maxConcurrentArticles: Int = 2,
        maxQueuedArticles: Int = 8,
        maxArticleBodyBytes: Int = 1 << 20
    ) {
        self.publicURL = publicURL.hasSuffix("/") ? String(publicURL.dropLast()) : publicURL
        self.adminToken = adminToken
        self.maxConcurrentChecks = maxConcurrentChecks
        self.maxQueuedChecks = maxQueuedChecks
        self.jobLease = jobLease
        self.maxJobAttempts = maxJobAttempts
        self.jobPollInterval = jobPollInterval
        self.maxClaimLength = maxClaimLength
        self.maxCommentLength = maxCommentLength
        self.maxCommenterNameLength = maxCommenterNameLength
        self.hideCommentAfterReports = hideCommentAfterReports
        self.instantAnswerSimilarity = instantAnswerSimilarity
        self.pageSize = pageSize
        self.maxRequestBodyBytes = maxRequestBodyBytes
        self.checkSubmissionsPerMinute = checkSubmissionsPerMinute
        self.articleSubmissionsPerMinute = articleSubmissionsPerMinute
        self.commentsPerMinute = commentsPerMinute
        self.trustForwardedFor = trustForwardedFor
        self.csrfSecret = csrfSecret
        self.commentsPageSize = commentsPageSize
        self.maxArticleClaims = maxArticleClaims
        self.maxConcurrentArticles = maxConcurrentArticles
        self.maxQueuedArticles = maxQueuedArticles
        self.maxArticleBodyBytes = maxArticleBodyBytes
    }
}
