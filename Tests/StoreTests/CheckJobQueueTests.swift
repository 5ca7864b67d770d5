import FactCheckCore
import Foundation
import PostgresStore
import XCTest

/// The in-memory queue and the PostgreSQL one (a real server) behave alike: one test body runs against each.
final class CheckJobQueueTests: XCTestCase {
    private var postgres: [TestPostgres.OpenDatabase] = []

    override func tearDown() { postgres.forEach { $0.close() } }

    private func queues() async throws -> [any CheckJobQueue] {
        let database = try await TestPostgres.database()
        postgres.append(database)
        return [InMemoryCheckJobQueue(), PostgresCheckJobQueue(database: database.database)]
    }

    private static func request(_ claim: String) -> CheckJobRequest {
        .claim(CheckRequest(claim: Claim(text: claim, normalized: claim), embedding: [0.6, 0.8]))
    }

    func testJobsAreTakenOldestFirstJoinedByTheSameClaimAndEndedOnce() async throws {
        for queue in try await queues() {
            guard case let .queued(first) = try await queue.enqueue(Self.request("NATO was founded in 1949."), maxWaiting: 2) else {
                return XCTFail("\(queue): the first submission is queued")
            }
            let again = try await queue.enqueue(Self.request("nato was founded in 1949"), maxWaiting: 2)
            XCTAssertEqual(again, .joined(first), "\(queue): the same claim in other case joins the job")
            guard case .queued = try await queue.enqueue(Self.request("Water is wet."), maxWaiting: 2) else { return XCTFail() }
            do { let actual = try await queue.enqueue(Self.request("The sky is green."), maxWaiting: 2); XCTAssertEqual(actual, .full) }

            let taken = try await queue.claim(.claim, worker: "w1", lease: .seconds(30), maxAttempts: 3)
            XCTAssertEqual(taken?.id, first.id, "oldest first")
            XCTAssertEqual(taken?.request, Self.request("NATO was founded in 1949.").with(claimOf: taken?.request))
            XCTAssertEqual(taken?.attempt, 1)
            let second = try await queue.claim(.claim, worker: "w2", lease: .seconds(30), maxAttempts: 3)
            XCTAssertNotEqual(second?.id, first.id, "a leased job is not taken twice")
            do { let actual = try await queue.claim(.claim, worker: "w3", lease: .seconds(30), maxAttempts: 3); XCTAssertNil(actual) }

            do { let actual = try await queue.renew(first.id, worker: "w1", stage: .weighing, lease: .seconds(30)); XCTAssertTrue(actual) }
            do { let actual = try await queue.renew(first.id, worker: "w2", stage: .writing, lease: .seconds(30)); XCTAssertFalse(actual, "not w2's job") }
            do { let actual = try await queue.status(id: first.id); XCTAssertEqual(actual?.state, .running); XCTAssertEqual(actual?.stage, .weighing) }
            do { let actual = try await queue.counts(.claim); XCTAssertEqual(actual.waiting, 0); XCTAssertEqual(actual.running, 2) }

            try await queue.finish(first.id, worker: "w2", outcome: .published(id: "wrong"))  // not w2's: ignored
            try await queue.finish(first.id, worker: "w1", outcome: .published(id: "check-1"))
            let done = try await queue.status(id: first.id)
            XCTAssertEqual(done?.state, .published)
            XCTAssertEqual(done?.publishedID, "check-1")
            guard case .queued = try await queue.enqueue(Self.request("NATO was founded in 1949."), maxWaiting: 2) else {
                return XCTFail("\(queue): a finished claim can be checked again")
            }
            try await queue.finish(second!.id, worker: "w2", outcome: .failed("the disk is full"))
            do { let actual = try await queue.status(id: second!.id)?.message; XCTAssertEqual(actual, "the disk is full") }
            do { let actual = try await queue.status(id: "no-such-job"); XCTAssertNil(actual) }
        }
    }

    /// A worker that dies holds its job only until the lease runs out; after the last attempt the job fails with a
    /// message; a stopping worker hands its job back without using an attempt.
    func testExpiredLeasesAreTakenAgainUntilTheAttemptsRunOut() async throws {
        for queue in try await queues() {
            guard case let .queued(job) = try await queue.enqueue(Self.request("NATO was founded in 1949."), maxWaiting: 10) else { return XCTFail() }
            let first = try await queue.claim(.claim, worker: "dies", lease: .milliseconds(200), maxAttempts: 2)
            XCTAssertEqual(first?.attempt, 1)
            do { let actual = try await queue.claim(.claim, worker: "other", lease: .seconds(30), maxAttempts: 2); XCTAssertNil(actual, "leased") }
            try await Task.sleep(for: .milliseconds(400))
            let second = try await queue.claim(.claim, worker: "other", lease: .milliseconds(200), maxAttempts: 2)
            XCTAssertEqual(second?.id, job.id, "\(queue): taken again after the lease")
            XCTAssertEqual(second?.attempt, 2)
            do { let actual = try await queue.renew(job.id, worker: "dies", stage: nil, lease: .seconds(30)); XCTAssertFalse(actual, "the first worker lost it") }
            try await Task.sleep(for: .milliseconds(400))
            do { let actual = try await queue.claim(.claim, worker: "third", lease: .seconds(30), maxAttempts: 2); XCTAssertNil(actual) }
            let failed = try await queue.status(id: job.id)
            XCTAssertEqual(failed?.state, .failed)
            XCTAssertEqual(failed?.message, InMemoryCheckJobQueue.abandonedMessage(attempts: 2))

            guard case let .queued(handedBack) = try await queue.enqueue(Self.request("Water is wet."), maxWaiting: 10) else { return XCTFail() }
            _ = try await queue.claim(.claim, worker: "stopping", lease: .seconds(30), maxAttempts: 2)
            try await queue.release(handedBack.id, worker: "stopping")
            let retaken = try await queue.claim(.claim, worker: "next", lease: .seconds(30), maxAttempts: 2)
            XCTAssertEqual(retaken?.id, handedBack.id)
            XCTAssertEqual(retaken?.attempt, 1, "a handed-back job keeps its attempts")
            try await queue.finish(handedBack.id, worker: "next", outcome: .published(id: "c"))
            try await queue.prune(finishedBefore: .zero)
            do { let actual = try await queue.status(id: handedBack.id); XCTAssertNil(actual, "pruned") }
        }
    }

    /// Article jobs: taken only by article workers, joined by the same article, their claims' verdicts recorded one by
    /// one (a claim recorded again replaces its entry) and kept when a dead worker's job is taken again.
    func testArticleJobsRecordEachClaimAndKeepItAcrossWorkers() async throws {
        let article = Article(text: "NATO was founded in 1949. It has 32 members.", title: "NATO", url: "https://news.example/nato")
        let claims = [ExtractedClaim(text: "NATO was founded in 1949.", sentence: "NATO was founded in 1949.", span: TextSpan(start: 0, end: 25), checkWorthiness: 0.9),
                      ExtractedClaim(text: "NATO has 32 members.", sentence: "It has 32 members.", span: TextSpan(start: 26, end: 44), checkWorthiness: 0.8)]
        let request = CheckJobRequest.article(ArticleCheckRequest(article: article, claims: claims))
        for queue in try await queues() {
            guard case let .queued(job) = try await queue.enqueue(request, maxWaiting: 1) else { return XCTFail("\(queue): queued") }
            XCTAssertEqual(job.kind, .article)
            do { let actual = try await queue.enqueue(request, maxWaiting: 1); XCTAssertEqual(actual, .joined(job), "\(queue): the same article joins") }
            let other = CheckJobRequest.article(ArticleCheckRequest(article: Article(text: "Another text."), claims: claims))
            do { let actual = try await queue.enqueue(other, maxWaiting: 1); XCTAssertEqual(actual, .full, "\(queue): one article may wait") }
            guard case .queued = try await queue.enqueue(Self.request("Water is wet."), maxWaiting: 1) else { return XCTFail("claims wait apart") }

            let claimWorker = try await queue.claim(.claim, worker: "claims", lease: .seconds(30), maxAttempts: 3)
            XCTAssertEqual(claimWorker?.request.kind, .claim, "\(queue): a claim worker takes no article")
            let taken = try await queue.claim(.article, worker: "dies", lease: .milliseconds(300), maxAttempts: 3)
            XCTAssertEqual(taken?.request, request, "\(queue): the article and its claims come back as queued")
            do { let actual = try await queue.request(id: job.id); XCTAssertEqual(actual, request) }

            let second = ArticleClaimProgress(index: 1, verdict: .mostlyFalse, slug: "nato-has-32-members")
            do { let actual = try await queue.record(second, job: job.id, worker: "dies"); XCTAssertTrue(actual) }
            do { let actual = try await queue.record(ArticleClaimProgress(index: 0, verdict: .false, slug: nil), job: job.id, worker: "dies"); XCTAssertTrue(actual) }
            let first = ArticleClaimProgress(index: 0, verdict: .true, slug: "nato-was-founded-in-1949")
            do { let actual = try await queue.record(first, job: job.id, worker: "dies"); XCTAssertTrue(actual) }
            do { let actual = try await queue.record(first, job: job.id, worker: "stranger"); XCTAssertFalse(actual, "not its job") }
            do { let actual = try await queue.status(id: job.id)?.checked; XCTAssertEqual(actual, [first, second], "\(queue): by index, replaced") }

            try await Task.sleep(for: .milliseconds(500))
            let retaken = try await queue.claim(.article, worker: "next", lease: .seconds(30), maxAttempts: 3)
            XCTAssertEqual(retaken?.id, job.id)
            XCTAssertEqual(retaken?.attempt, 2)
            do { let actual = try await queue.record(second, job: job.id, worker: "dies"); XCTAssertFalse(actual, "the dead worker lost it") }
            try await queue.finish(job.id, worker: "next", outcome: .published(id: "article-1"))
            let done = try await queue.status(id: job.id)
            XCTAssertEqual(done?.state, .published)
            XCTAssertEqual(done?.publishedID, "article-1")
            XCTAssertEqual(done?.checked, [first, second], "\(queue): the progress outlives the worker")
            do { let actual = try await queue.counts(.article); XCTAssertEqual(actual.running, 0) }
        }
    }

    /// Many workers of two instances on one PostgreSQL queue: each job is taken by exactly one of them.
    func testConcurrentWorkersNeverTakeOneJobTwice() async throws {
        let url = try TestPostgres.shared().makeDatabase()
        let instances = [try await TestPostgres.database(url: url), try await TestPostgres.database(url: url)]
        defer { instances.forEach { $0.close() } }
        let queues = instances.map { PostgresCheckJobQueue(database: $0.database) }
        for n in 0 ..< 40 { _ = try await queues[n % 2].enqueue(Self.request("Claim number \(n)."), maxWaiting: 100) }
        let taken = try await withThrowingTaskGroup(of: [String].self) { group in
            for worker in 0 ..< 8 {
                group.addTask {
                    var mine: [String] = []
                    while let job = try await queues[worker % 2].claim(.claim, worker: "w\(worker)", lease: .seconds(30), maxAttempts: 3) {
                        mine.append(job.id)
                        try await queues[worker % 2].finish(job.id, worker: "w\(worker)", outcome: .published(id: job.id))
                    }
                    return mine
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        XCTAssertEqual(taken.count, 40)
        XCTAssertEqual(Set(taken).count, 40, "no job taken twice")
    }
}

private extension CheckJobRequest {
    /// This request with the claim id of `other` (claims get a new id each time they are made).
    func with(claimOf other: CheckJobRequest?) -> CheckJobRequest {
        guard case var .claim(request) = self, case let .claim(otherRequest)? = other else { return self }
        request.claim = Claim(id: otherRequest.claim.id, text: request.claim.text, normalized: request.claim.normalized)
        return .claim(request)
    }
}
