import ArgumentParser
import Foundation
import Logging
import Store

struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Bring the database's schema up to date (safe while other instances run or migrate).",
        discussion: "With --database (or $FACTCHECK_DATABASE_URL) the PostgreSQL database; else the SQLite file in the data home."
    )
    @OptionGroup var home: HomeOptions
    @OptionGroup var storage: DatabaseOptions

    func run() async throws {
        guard let database = try storage.postgres(logger: Logger(label: "factcheck.migrate")) else {
            let archive = try SQLiteFactCheckArchive(path: home.dataHome.databasePath)
            print("The SQLite database \(archive.path) is up to date.")
            return
        }
        try await database.whileRunning {
            let pending = try await database.pendingMigrations()
            try await database.migrate()
            print(pending.isEmpty ? "\(database.configuration.redactedURL) is up to date."
                                  : "Applied \(pending.joined(separator: ", ")) to \(database.configuration.redactedURL).")
        }
    }
}
