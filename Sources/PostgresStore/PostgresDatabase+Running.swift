import FactCheckCore

extension PostgresDatabase {
    /// Runs the pool while `body` runs, then closes it.
    public func whileRunning<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) async throws -> T {
        try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask {
                await self.run()
                return nil
            }
            defer { group.cancelAll() }
            let result = try await body()
            return result
        }
    }
}

extension PostgresDatabase {
    /// Runs `body`, trying again every two seconds while the database cannot be reached, for at most `patience`
    /// (an instance started before its database, or while it restarts, waits instead of exiting).
    public func whenReachable<T: Sendable>(patience: Duration = .seconds(60), _ body: @escaping @Sendable () async throws -> T) async throws -> T {
        let deadline = ContinuousClock.now + patience
        while true {
            do {
                return try await body()
            } catch StorageFailure.unavailable where ContinuousClock.now < deadline {
                logger.warning("waiting for the database at \(configuration.redactedURL)")
                try await Task.sleep(for: .seconds(2))
            }
        }
    }
}
