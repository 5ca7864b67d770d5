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
