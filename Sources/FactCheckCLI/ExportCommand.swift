import ArgumentParser
import FactCheckCore
import Foundation
import Logging

struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write every published check (all versions), comment and article check as JSON Lines.",
        discussion: "From PostgreSQL with --database (or $FACTCHECK_DATABASE_URL), else from the data home's SQLite file. "
            + "`factcheck import` reads the file into either store, keeping ids, slugs, versions and dates."
    )
    @OptionGroup var home: HomeOptions
    @OptionGroup var storage: DatabaseOptions
    @Option(name: .shortAndLong, help: "The file to write (- for standard output).") var output: String

    func run() async throws {
        let stores = try storage.stores(dataHome: home.dataHome, logger: Logger(label: "factcheck.export"))
        guard let archive = stores.archive as? any ArchiveTransfer else { throw ValidationError("This store cannot be exported.") }
        guard let handle = output == "-" ? FileHandle.standardOutput : FileManager.default.createFile(atPath: output, contents: nil)
            ? FileHandle(forWritingAtPath: output) : nil else { throw ValidationError("Cannot write \(output).") }
        let counts = TransferCounts()
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .secondsSince1970
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        try await stores.whileOpen {
            try await archive.exportRecords { record in
                try handle.write(contentsOf: encoder.encode(record) + Data("\n".utf8))
                counts.add(record, stored: true)
            }
        }
        try handle.close()
        FileHandle.standardError.write(Data("Exported \(counts.summary).\n".utf8))
    }
}

/// Records moved by `export` or `import`, by kind.
final class TransferCounts: @unchecked Sendable {
    private let lock = NSLock()
    private var checks = 0, comments = 0, articles = 0, skipped = 0

    func add(_ record: ArchiveRecord, stored: Bool) {
        lock.withLock {
            guard stored else { skipped += 1; return }
            switch record {
            case .check: checks += 1
            case .comment: comments += 1
            case .article: articles += 1
            }
        }
    }

    var summary: String {
        lock.withLock {
            "\(checks) check versions, \(comments) comments, \(articles) article checks" + (skipped > 0 ? "; \(skipped) already present, skipped" : "")
        }
    }
}
