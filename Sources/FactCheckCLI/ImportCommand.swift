import ArgumentParser
import FactCheckCore
import Foundation
import Logging

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Read checks, comments and article checks written by `factcheck export` into this store.",
        discussion: "Into PostgreSQL with --database (or $FACTCHECK_DATABASE_URL), else into the data home's SQLite file. Ids, slugs, "
            + "versions and dates are kept; a record already present is skipped, so importing a file twice adds nothing."
    )
    @OptionGroup var home: HomeOptions
    @OptionGroup var storage: DatabaseOptions
    @Argument(help: "The JSON Lines file (- for standard input).") var input: String

    func run() async throws {
        guard let data = input == "-" ? FileHandle.standardInput.readDataToEndOfFile() : FileManager.default.contents(atPath: input) else {
            throw ValidationError("Cannot read \(input).")
        }
        let stores = try storage.stores(dataHome: home.dataHome, logger: Logger(label: "factcheck.import"))
        guard let archive = stores.archive as? any ArchiveTransfer else { throw ValidationError("This store cannot import.") }
        let counts = TransferCounts()
        let migrate = storage.migrate
        try await stores.whileOpen {
            if migrate, let postgres = stores.postgres { try await postgres.migrate() }
            var number = 0
            for line in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false) {
                number += 1
                guard !line.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
                let record: ArchiveRecord
                do { record = try ArchiveCoding.decoder.decode(ArchiveRecord.self, from: Data(line.utf8)) } catch {
                    throw ValidationError("Line \(number) of \(input) is not a record written by `factcheck export`; nothing after it was imported.")
                }
                counts.add(record, stored: try await archive.importRecord(record))
            }
        }
        print("Imported \(counts.summary).")
    }
}
