import FactCheckCore
import Foundation
import PostgresNIO

/// The shared job queue in PostgreSQL (table `check_job`): any instance queues, workers on any machine take jobs with
/// `FOR UPDATE SKIP LOCKED` under a lease they renew, and a job whose worker died is taken again when its lease has
/// run out. A unique index on the unfinished jobs' match keys makes a second submission of a running claim or article
/// join it.
public final class PostgresCheckJobQueue: CheckJobQueue {
    let database: PostgresDatabase

    public init(database: PostgresDatabase) {
        self.database = database
    }

    public func enqueue(_ request: CheckJobRequest, maxWaiting: Int) async throws -> CheckJobEnqueued {
        let json = try Self.encode(request)
        let (id, kind, key) = (UUID().uuidString.lowercased(), request.kind.rawValue, request.matchKey)
        for _ in 0 ..< 3 {  // the running job may finish between the insert and the look-up: then insert again
            let inserted = try await database.rows("""
                INSERT INTO check_job (id, kind, match_key, request, state)
                SELECT \(id), \(kind), \(key), \(json), 'queued'
                WHERE (SELECT COUNT(*) FROM check_job WHERE kind = \(kind) AND state = 'queued') < \(maxWaiting)
                ON CONFLICT (match_key) WHERE state IN ('queued', 'running') DO NOTHING
                RETURNING id
                """)
            if !inserted.isEmpty { return .queued(CheckJobStatus(id: id, kind: request.kind, state: .queued)) }
            if let running = try await statuses("""
                SELECT \(unescaped: Self.statusColumns) FROM check_job WHERE match_key = \(key) AND state IN ('queued', 'running')
                """).first { return .joined(running) }
            if try await counts(request.kind).waiting >= maxWaiting { return .full }
        }
        return .full
    }

    public func claim(_ kind: CheckJobRequest.Kind, worker: String, lease: Duration, maxAttempts: Int) async throws -> ClaimedCheckJob? {
        let seconds = lease.seconds
        let message = Self.abandonedMessage(attempts: maxAttempts)
        return try await database.transaction { connection in
            let logger = self.database.logger
            try await connection.execute("""
                UPDATE check_job SET state = 'failed', message = \(message), worker = NULL, lease_until = NULL, updated_at = clock_timestamp()
                WHERE kind = \(kind.rawValue) AND state = 'running' AND lease_until < clock_timestamp() AND attempts >= \(maxAttempts)
                """, logger: logger)
            let row = try await connection.query("""
                UPDATE check_job SET state = 'running', stage = NULL, worker = \(worker), attempts = attempts + 1,
                    lease_until = clock_timestamp() + make_interval(secs => \(seconds)), updated_at = clock_timestamp()
                WHERE id = (
                    SELECT id FROM check_job
                    WHERE kind = \(kind.rawValue) AND (state = 'queued' OR (state = 'running' AND lease_until < clock_timestamp()))
                    ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED
                )
                RETURNING id, request, attempts
                """, logger: logger).collect().first
            guard let (id, json, attempts) = try row?.decode((String, String, Int).self) else { return nil }
            return ClaimedCheckJob(id: id, request: try Self.decode(json, kind: kind), attempt: attempts)
        }
    }

    public func renew(_ id: String, worker: String, stage: PipelineStage?, lease: Duration) async throws -> Bool {
        try await !database.rows("""
            UPDATE check_job SET lease_until = clock_timestamp() + make_interval(secs => \(lease.seconds)),
                stage = COALESCE(\(stage?.rawValue), stage), updated_at = clock_timestamp()
            WHERE id = \(id) AND worker = \(worker) AND state = 'running'
            RETURNING id
            """).isEmpty
    }

    public func record(_ checked: ArticleClaimProgress, job id: String, worker: String) async throws -> Bool {
        let json = String(decoding: try JSONEncoder().encode(checked), as: UTF8.self)
        return try await !database.rows("""
            UPDATE check_job SET updated_at = clock_timestamp(), checked = (
                SELECT COALESCE(jsonb_agg(entry), '[]'::jsonb) FROM jsonb_array_elements(checked) AS entry
                WHERE (entry->>'index')::int <> \(checked.index)
            ) || jsonb_build_array(\(json)::jsonb)
            WHERE id = \(id) AND worker = \(worker) AND state = 'running'
            RETURNING id
            """).isEmpty
    }

    public func finish(_ id: String, worker: String, outcome: CheckJobOutcome) async throws {
        let (state, publishedID, message): (String, String?, String?) = switch outcome {
        case let .published(publishedID): ("published", publishedID, nil)
        case let .failed(message): ("failed", nil, message)
        }
        try await database.execute("""
            UPDATE check_job SET state = \(state), published_id = \(publishedID), message = \(message), worker = NULL, lease_until = NULL,
                updated_at = clock_timestamp()
            WHERE id = \(id) AND worker = \(worker) AND state = 'running'
            """)
    }

    public func release(_ id: String, worker: String) async throws {
        try await database.execute("""
            UPDATE check_job SET state = 'queued', stage = NULL, worker = NULL, lease_until = NULL, attempts = attempts - 1,
                updated_at = clock_timestamp()
            WHERE id = \(id) AND worker = \(worker) AND state = 'running'
            """)
    }

    public func status(id: String) async throws -> CheckJobStatus? {
        try await statuses("SELECT \(unescaped: Self.statusColumns) FROM check_job WHERE id = \(id)").first
    }

    public func request(id: String) async throws -> CheckJobRequest? {
        guard let row = try await database.rows("SELECT kind, request FROM check_job WHERE id = \(id)").first else { return nil }
        let (kind, json) = try row.decode((String, String).self)
        return try Self.decode(json, kind: CheckJobRequest.Kind(rawValue: kind) ?? .claim)
    }

    public func counts(_ kind: CheckJobRequest.Kind) async throws -> (waiting: Int, running: Int) {
        let row = try await database.rows("""
            SELECT COUNT(*) FILTER (WHERE state = 'queued'), COUNT(*) FILTER (WHERE state = 'running')
            FROM check_job WHERE kind = \(kind.rawValue) AND state IN ('queued', 'running')
            """).first
        return try row?.decode((Int, Int).self) ?? (0, 0)
    }

    public func prune(finishedBefore age: Duration) async throws {
        try await database.execute("""
            DELETE FROM check_job WHERE state IN ('published', 'failed') AND updated_at < clock_timestamp() - make_interval(secs => \(age.seconds))
            """)
    }

    private static let statusColumns = "id, kind, state, stage, checked::text, attempts, published_id, message"

    private func statuses(_ query: PostgresQuery) async throws -> [CheckJobStatus] {
        try await database.rows(query).map { row in
            let (id, kind, state, stage, checked, attempts, publishedID, message) = try row.decode((String, String, String, String?, String, Int, String?, String?).self)
            return CheckJobStatus(id: id, kind: CheckJobRequest.Kind(rawValue: kind) ?? .claim, state: CheckJobStatus.State(rawValue: state) ?? .failed,
                                  stage: stage.flatMap(PipelineStage.init(rawValue:)),
                                  checked: try JSONDecoder().decode([ArticleClaimProgress].self, from: Data(checked.utf8)).sorted { $0.index < $1.index },
                                  attempts: attempts, publishedID: publishedID, message: message)
        }
    }

    /// A claim job's request is stored as its `CheckRequest`, an article job's as its `ArticleCheckRequest`.
    private static func encode(_ request: CheckJobRequest) throws -> String {
        let data = switch request {
        case let .claim(claim): try JSONEncoder().encode(claim)
        case let .article(article): try JSONEncoder().encode(article)
        }
        return String(decoding: data, as: UTF8.self)
    }

    private static func decode(_ json: String, kind: CheckJobRequest.Kind) throws -> CheckJobRequest {
        switch kind {
        case .claim: .claim(try JSONDecoder().decode(CheckRequest.self, from: Data(json.utf8)))
        case .article: .article(try JSONDecoder().decode(ArticleCheckRequest.self, from: Data(json.utf8)))
        }
    }
}
