import FactCheckCore
import Foundation
import GRDB

/// The knowledge base in SQLite: sources, their passages (with title context), an FTS5 BM25 index and
/// fp16 MiniLM vectors. Each source is written with its passages in one transaction, so a killed ingest leaves
/// whole sources only, and sources are keyed by content hash, so ingesting the same content again is a no-op.
public final class KnowledgeBase: PassageStore, @unchecked Sendable {
    public let path: String
    let database: StoreDatabase
    /// The dense index over the passage vectors, mapped at the first dense search and again after `add`.
    private var index: VectorIndex?
    private let indexLock = NSLock()

    /// Opens (creating or migrating) the database at `path`.
    public init(path: String) throws {
        self.path = path
        database = try StoreDatabase(path: path)
    }

    /// Whether content with this hash is already stored.
    public func contains(contentHash: String) throws -> Bool {
        try database.read { db in try Bool.fetchOne(db, sql: "SELECT EXISTS(SELECT 1 FROM source WHERE contentHash = ?)", arguments: [contentHash]) ?? false }
    }

    /// Stores a document and its passages atomically; returns false when its content was already stored.
    @discardableResult
    public func add(_ document: StoredDocument) throws -> Bool {
        precondition(document.embeddings.isEmpty || document.embeddings.count == document.passages.count)
        let added = try database.write { db in
            if try Bool.fetchOne(db, sql: "SELECT EXISTS(SELECT 1 FROM source WHERE contentHash = ?)", arguments: [document.contentHash]) ?? false {
                return false
            }
            let source = document.source
            try db.execute(sql: "DELETE FROM source WHERE id = ?", arguments: [source.id.rawValue])  // replaced content
            try db.execute(
                sql: """
                INSERT INTO source (id, url, title, publisher, domain, published, retrieved, license, contentHash, ingestedAt)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                arguments: [source.id.rawValue, source.url, source.title, source.publisher, source.domain,
                            source.published?.timeIntervalSince1970, source.retrieved?.timeIntervalSince1970, source.license,
                            document.contentHash, Date().timeIntervalSince1970]
            )
            for (position, text) in document.passages.enumerated() {
                let vector = document.embeddings.isEmpty ? nil : VectorCoding.encode(document.embeddings[position])
                try db.execute(
                    sql: "INSERT INTO passage (id, sourceId, position, title, text, embedding) VALUES (?, ?, ?, ?, ?, ?)",
                    arguments: ["\(source.id.rawValue)#\(position)", source.id.rawValue, position, source.title, text, vector]
                )
            }
            return true
        }
        indexLock.withLock { index = nil }
        return added
    }

    /// Counts of stored sources and passages.
    public func counts() throws -> (sources: Int, passages: Int) {
        try database.read { db in
            (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM source") ?? 0, try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM passage") ?? 0)
        }
    }

    /// BM25 full-text search over passage text and titles (title weighted twice), best first.
    public func lexicalSearch(_ query: String, limit: Int) throws -> [PassageKey] {
        let terms = FTSQuery.terms(of: query)
        guard !terms.isEmpty else { return [] }
        return try database.read { db in
            try Int64.fetchAll(
                db,
                sql: "SELECT rowid FROM passage_fts WHERE passage_fts MATCH ? ORDER BY bm25(passage_fts, 2.0, 1.0) LIMIT ?",
                arguments: [terms.joined(separator: " OR "), limit]
            )
        }
    }

    /// Exact nearest-neighbour search over the memory-mapped passage vectors.
    public func denseSearch(_ vector: [Float], limit: Int) throws -> [(key: PassageKey, similarity: Double)] {
        try vectorIndex().nearest(vector, limit: limit).map { ($0.rowid, $0.similarity) }
    }

    public func similarities(_ vector: [Float], to keys: [PassageKey]) throws -> [PassageKey: Double] {
        let index = try vectorIndex()
        var found: [PassageKey: Double] = [:]
        for key in keys { found[key] = index.similarity(vector, rowid: key) }
        return found
    }

    private func vectorIndex() throws -> VectorIndex {
        try indexLock.withLock {
            if let index { return index }
            let opened = VectorIndex(vectors: try passageVectors())
            index = opened
            return opened
        }
    }

    /// The passage vectors for exact nearest-neighbour search, memory-mapped from `<path>.vectors`, which is written
    /// first when it is missing or older than the passages. Where that file cannot be written (a read-only folder),
    /// the vectors are read into memory instead.
    public func passageVectors() throws -> PassageVectors {
        let vectorPath = path + ".vectors"
        if path != ":memory:", !path.isEmpty {
            let generation = try database.read { db in try Int64.fetchOne(db, sql: "SELECT value FROM knowledge_base_generation") ?? 0 }
            if let vectors = PassageVectors.open(path: vectorPath, generation: generation) { return vectors }
            if let written = try? writeVectorFile(vectorPath), let vectors = PassageVectors.open(path: vectorPath, generation: written) {
                return vectors
            }
        }
        var rowids: [Int64] = [], halves: [UInt16] = [], dimension = 0
        try readVectors { _, count, rowDimension, rows in
            dimension = rowDimension
            rowids.reserveCapacity(count)
            halves.reserveCapacity(count * dimension)
            try rows { rowid, blob in
                guard blob.count == dimension * 2 else { return }
                rowids.append(rowid)
                blob.withUnsafeBytes { raw in
                    for offset in stride(from: 0, to: raw.count, by: 2) {
                        halves.append(UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt16.self)))
                    }
                }
            }
        }
        return PassageVectors(rowids: rowids, dimension: dimension, halves: halves)
    }

    /// Writes the vector file from the passages; returns the generation it was written at.
    private func writeVectorFile(_ vectorPath: String) throws -> Int64 {
        try readVectors { generation, count, dimension, rows in
            try PassageVectors.write(path: vectorPath, generation: generation, count: count, dimension: dimension, rows: rows)
            return generation
        }
    }

    /// Calls `body` in one read transaction with the passages' generation, the number of vectors of the common
    /// dimension, that dimension, and a function that gives each of them (row id ascending, fp16 blob) to its argument.
    private func readVectors<Result>(
        _ body: (_ generation: Int64, _ count: Int, _ dimension: Int, _ rows: ((Int64, Data) throws -> Void) throws -> Void) throws -> Result
    ) throws -> Result {
        try database.read { db in
            let generation = try Int64.fetchOne(db, sql: "SELECT value FROM knowledge_base_generation") ?? 0
            let dimension = (try Int.fetchOne(db, sql: "SELECT length(embedding) FROM passage WHERE embedding IS NOT NULL LIMIT 1") ?? 0) / 2
            let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM passage WHERE length(embedding) = ?", arguments: [dimension * 2]) ?? 0
            return try body(generation, count, dimension) { each in
                let rows = try Row.fetchCursor(db, sql: "SELECT rowid, embedding FROM passage WHERE length(embedding) = ? ORDER BY rowid",
                                               arguments: [dimension * 2])
                while let row = try rows.next() { try each(row["rowid"], row["embedding"]) }
            }
        }
    }

    /// Passages with their sources, by row id, in the order given.
    public func passages(_ rowids: [PassageKey]) throws -> [(key: PassageKey, passage: Passage, source: Source)] {
        guard !rowids.isEmpty else { return [] }
        let found: [Int64: (Passage, Source)] = try database.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT p.rowid AS rowid, p.id AS pid, p.position, p.text, s.* FROM passage p JOIN source s ON s.id = p.sourceId
                WHERE p.rowid IN (\(rowids.map { _ in "?" }.joined(separator: ",")))
                """, arguments: StatementArguments(rowids))
            return Dictionary(uniqueKeysWithValues: rows.map { row in
                let source = Source(
                    id: SourceID(row["id"]), url: row["url"], title: row["title"], publisher: row["publisher"], domain: row["domain"],
                    published: (row["published"] as Double?).map(Date.init(timeIntervalSince1970:)),
                    retrieved: (row["retrieved"] as Double?).map(Date.init(timeIntervalSince1970:)), license: row["license"]
                )
                let passage = Passage(id: PassageID(row["pid"]), sourceID: source.id, index: row["position"], text: row["text"])
                return (row["rowid"] as Int64, (passage, source))
            })
        }
        return rowids.compactMap { rowid in found[rowid].map { (rowid, $0.0, $0.1) } }
    }
}
