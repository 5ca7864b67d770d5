import ArgumentParser
import Foundation
import Ingestion

struct IngestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Add documents to the knowledge base: JSONL, text, Markdown, HTML, folders, Wikipedia summaries.",
        discussion: """
        JSONL lines: {"title", "text", "url"?, "id"?, "publisher"?, "published"? (YYYY-MM-DD or ISO-8601), "license"?}. \
        Re-ingesting the same content is a no-op; an interrupted ingest can simply be run again.
        """
    )
    @OptionGroup var home: HomeOptions
    @Argument(help: "Files or folders.") var paths: [String]
    @Flag(help: "Store no vectors (BM25 only; faster, weaker retrieval).") var noVectors = false

    func validate() throws {
        guard !paths.isEmpty else { throw ValidationError("Give at least one file or folder.") }
    }

    func run() async throws {
        let summary = try await Self.ingest(paths, home: home.dataHome, vectors: !noVectors)
        if summary.added + summary.unchanged == 0, !summary.skipped.isEmpty { throw ExitCode.failure }
    }

    /// Ingests with a progress line on stderr and a summary on stdout (on stderr with `summaryOnStandardError`, for a
    /// command whose stdout is its own output, such as `eval --json`).
    static func ingest(_ paths: [String], home: DataHome, vectors: Bool, summaryOnStandardError: Bool = false) async throws -> Ingester.Summary {
        let knowledgeBase = try home.knowledgeBase()
        let ingester = Ingester(knowledgeBase: knowledgeBase, embedder: vectors ? try home.embedder() : nil)
        let interactive = isatty(STDERR_FILENO) != 0
        var lastTenth = -1
        let summary = try await ingester.ingest(paths: paths) { progress in
            // A terminal gets a live bar; a log (CI, pipes) one line per tenth of the work.
            let tenth = progress.total == 0 ? 10 : 10 * progress.done / progress.total
            guard interactive || tenth != lastTenth else { return }
            lastTenth = tenth
            let elapsed = Date().timeIntervalSince(progress.startedAt)
            let rate = Double(progress.done) / max(elapsed, 0.001)
            let eta = Double(progress.total - progress.done) / max(rate, 0.001)
            let width = 24, filled = progress.total == 0 ? width : width * progress.done / progress.total
            let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
            let line = String(format: "%@%@ %d/%d documents  %.0f/s  ETA %.0fs  %@%@", interactive ? "\r" : "", bar, progress.done, progress.total, rate, eta,
                              URL(fileURLWithPath: progress.file).lastPathComponent, interactive ? "" : "\n")
            FileHandle.standardError.write(Data(line.utf8))
        }
        if interactive { FileHandle.standardError.write(Data("\n".utf8)) }
        // The vector file now, so that servers start without writing it and a copy of the data home carries it.
        if vectors, summary.added > 0 { _ = try knowledgeBase.passageVectors() }
        let say = { (line: String) in
            if summaryOnStandardError { FileHandle.standardError.write(Data((line + "\n").utf8)) } else { print(line) }
        }
        say("added \(summary.added) documents (\(summary.passages) passages), \(summary.unchanged) already present, \(summary.skipped.count) skipped")
        for skipped in summary.skipped.prefix(50) { say("  skipped \(skipped)") }
        if summary.skipped.count > 50 { say("  … and \(summary.skipped.count - 50) more") }
        return summary
    }
}
