import FactCheckCore
import Foundation
import Store

/// Reads documents, splits them into passages, embeds them and stores them in the knowledge base.
///
/// Idempotent: content already stored (same title and text) is skipped. Each document is stored in one
/// transaction, so after a kill the knowledge base holds whole documents and a re-run picks up the rest.
public struct Ingester: Sendable {
    public struct Progress: Sendable {
        public var file: String
        public var done: Int
        public var total: Int
        public var startedAt: Date
    }

    /// What an ingest did.
    public struct Summary: Sendable {
        public var added = 0
        public var unchanged = 0
        public var passages = 0
        public var skipped: [SkippedInput] = []
    }

    public let knowledgeBase: any PassageStore
    public let embedder: (any TextEmbedder)?
    public var reader = DocumentReader()
    public var chunker = PassageChunker()
    public var batchSize = 64

    public init(knowledgeBase: any PassageStore, embedder: (any TextEmbedder)?) {
        self.knowledgeBase = knowledgeBase
        self.embedder = embedder
    }

    public func ingest(paths: [String], progress: (Progress) -> Void = { _ in }) async throws -> Summary {
        var summary = Summary()
        let (files, skippedFiles) = reader.files(at: paths)
        summary.skipped += skippedFiles
        for file in files {
            let (documents, skipped) = reader.read(file)
            summary.skipped += skipped
            let started = Date()
            var done = 0
            for batchStart in stride(from: 0, to: documents.count, by: batchSize) {
                let batch = documents[batchStart ..< min(batchStart + batchSize, documents.count)]
                var pending: [(RawDocument, String, [String])] = []
                for document in batch {
                    let hash = FileDigest.sha256Hex(of: Data((document.title + "\u{1F}" + document.text).utf8))
                    if try await knowledgeBase.contains(contentHash: hash) {
                        summary.unchanged += 1
                        continue
                    }
                    let passages = chunker.passages(of: document.text)
                    if passages.isEmpty {
                        summary.skipped.append(SkippedInput(origin: document.origin, reason: "no text after cleaning"))
                        continue
                    }
                    pending.append((document, hash, passages))
                }
                let texts = pending.flatMap { document, _, passages in passages.map { "\(document.title). \($0)" } }
                let vectors = try await embedder?.embed(texts) ?? []
                var offset = 0
                for (document, hash, passages) in pending {
                    let embeddings = vectors.isEmpty ? [] : Array(vectors[offset ..< offset + passages.count])
                    offset += passages.count
                    if try await knowledgeBase.add(.init(source: Self.source(for: document, hash: hash), contentHash: hash,
                                                   passages: passages, embeddings: embeddings)) {
                        summary.added += 1
                        summary.passages += passages.count
                    } else {
                        summary.unchanged += 1
                    }
                }
                done += batch.count
                progress(Progress(file: file.path, done: done, total: documents.count, startedAt: started))
            }
        }
        return summary
    }

    static func source(for document: RawDocument, hash: String) -> Source {
        let url = document.url ?? URL(fileURLWithPath: String(document.origin.prefix { $0 != ":" })).absoluteString
        return Source(
            id: SourceID(document.id ?? document.url ?? "sha256:\(hash.prefix(16))"), url: url, title: document.title,
            publisher: document.publisher, domain: Source.domain(ofURL: url) ?? "local",
            published: document.published, retrieved: Date(), license: document.license
        )
    }
}
