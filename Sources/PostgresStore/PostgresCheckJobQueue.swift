import FactCheckCore
import Foundation
import PostgresNIO

/// The shared job queue in PostgreSQL (table `check_job`): any instance queues, workers on any machine take jobs with
/// `FOR UPDATE SKIP LOCKED` under a lease they renew, and a job whose worker died is taken again when its lease has
/// run out. A unique index on the unfinished jobs' match keys makes a second submission of a running claim join it.
public final class PostgresCheckJobQueue: CheckJobQueue {
    let database: PostgresDatabase

    public init(database: PostgresDatabase) {
        self.database = database
    }

    public func enqueue(_ request: CheckRequest, maxWaiting: Int) async throws -> CheckJobEnqueued {
        let json = String(decoding: try JSONEncoder().encode(request), as: UTF8.self)
        let id = UUID().uuidString.lowercased()
        for _ in 0 ..< 3 {  // the running job may finish between the insert and the look-up: then insert again
            let inserted = try await database.rows("""
                INSERT INTO check_job (id, match_key, claim_id, request, state)
                SELECT \(id), \(request.matchKey), \(request.claim.id), \(json), 'queued'
                WHERE (SELECT COUNT(*) FROM check_job WHERE state = 'queued') < \(maxWaiting)
                ON CONFLICT (match_key) WHERE state IN ('queued', 'running') DO NOTHING
                RETURNING id
                """)
            if !inserted.isEmpty { return .queued(CheckJobStatus(id: id, claimID: request.claim.id, state: .queued)) }
            if let running = try await statuses("""
                SELECT \(unescaped: Self.statusColumns) FROM check_job WHERE match_key = \(request.matchKey) AND state IN ('queued', 'running')
                """).first { return .joined(running) }
            let waiting = try await counts().waiting
            if waiting >= maxWaiting { return .full }
        }
        return .full
    }

    public func claim(worker: String, lease: Duration, maxAttempts: Int) async throws -> ClaimedCheckJob? {
        let seconds = lease.seconds
        let message = Self.abandonedMessage(attempts: maxAttempts)
        return try await database.transaction { connection in
            let logger = self.database.logger
            try await connection.execute("""
                UPDATE check_job SET state = 'failed', message = \(message), worker = NULL, lease_until = NULL, updated_at = clock_timestamp()
                WHERE state = 'running' AND lease_until < clock_timestamp() AND attempts >= \(maxAttempts)
                """, logger: logger)
            let row = try await connection.query("""
                UPDATE check_job SET state = 'running', stage = NULL, worker = \(worker), attempts = attempts + 1,
                    lease_until = clock_timestamp() + make_interval(secs => \(seconds)), updated_at = clock_timestamp()
                WHERE id = (
                    SELECT id FROM check_job
                    WHERE state = 'queued' OR (state = 'running' AND lease_until < clock_timestamp())
                    ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED
                )
                RETURNING id, request, attempts
                """, logger: logger).collect().first
            guard let (id, json, attempts) = try row?.decode((String, String, Int).self) else { return nil }
            return ClaimedCheckJob(id: id, request: try JSONDecoder().decode(CheckRequest.self, from: Data(json.utf8)), attempt: attempts)
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

    public func finish(_ id: String, worker: String, outcome: CheckJobOutcome) async throws {
        let (state, checkID, message): (String, String?, String?) = switch outcome {
        case let .published(checkID): ("published", checkID, nil)
        case let .failed(message): ("failed", nil, message)
        }
        try await database.execute("""
            UPDATE check_job SET state = \(state), check_id = \(checkID), message = \(message), worker = NULL, lease_until = NULL,
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

    public func counts() async throws -> (waiting: Int, running: Int) {
        let row = try await database.rows("""
            SELECT COUNT(*) FILTER (WHERE state = 'queued'), COUNT(*) FILTER (WHERE state = 'running')
            FROM check_job WHERE state IN ('queued', 'running')
            """).first
        return try row?.decode((Int, Int).self) ?? (0, 0)
    }

    public func prune(finishedBefore age: Duration) async throws {
        try await database.execute("""
            DELETE FROM check_job WHERE state IN ('published', 'failed') AND updated_at < clock_timestamp() - make_interval(secs => \(age.seconds))
            """)
    }

    private static let statusColumns = "id, claim_id, state, stage, attempts, check_id, message"

    private func statuses(_ query: PostgresQuery) async throws -> [CheckJobStatus] {
        try await database.rows(query).map { row in
            let (id, claimID, state, stage, attempts, checkID, message) = try row.decode((String, UUID, String, String?, Int, String?, String?).self)
            return CheckJobStatus(id: id, claimID: claimID, state: CheckJobStatus.State(rawValue: state) ?? .failed,
                                  stage: stage.flatMap(PipelineStage.init(rawValue:)), attempts: attempts, checkID: checkID, message: message)
        }
    }
}
