import FactCheckCore
import Foundation
import FactCheckWebTesting
import Ingestion
import Retrieval
import Store
import XCTest

final class KnowledgeBaseTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("fc-kb-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try """
        {"id": "doc:nato", "title": "NATO", "text": "NATO is an intergovernmental military alliance of 32 member states. It was founded in 1949.", "url": "https://en.wikipedia.org/wiki/NATO", "publisher": "Wikipedia"}
        {"id": "doc:japan", "title": "Japan", "text": "Japan is an island country in East Asia. Its capital is Tokyo.", "url": "https://en.wikipedia.org/wiki/Japan"}
        {"id": "doc:tea", "title": "Tea", "text": "Tea is an aromatic beverage prepared by pouring hot water over cured leaves.", "url": "https://en.wikipedia.org/wiki/Tea"}
        """.write(to: folder.appendingPathComponent("docs.jsonl"), atomically: true, encoding: .utf8)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    private var databasePath: String { folder.appendingPathComponent("kb.sqlite").path }

    func testIngestIsIdempotentAndSearchable() async throws {
        let knowledgeBase = try KnowledgeBase(path: databasePath)
        let ingester = Ingester(knowledgeBase: knowledgeBase, embedder: HashingEmbedder())
        let first = try await ingester.ingest(paths: [folder.path])
        XCTAssertEqual(first.added, 3)
        XCTAssertEqual(first.passages, 3)
        let second = try await ingester.ingest(paths: [folder.path])
        XCTAssertEqual(second.added, 0)
        XCTAssertEqual(second.unchanged, 3)
        XCTAssertEqual(try knowledgeBase.counts().sources, 3)

        let hits = try knowledgeBase.lexicalSearch("When was NATO founded?", limit: 5)
        let found = try knowledgeBase.passages(hits)
        XCTAssertEqual(found.first?.source.id, SourceID("doc:nato"))
        XCTAssertEqual(found.first?.source.domain, "en.wikipedia.org")
        XCTAssertEqual(found.first?.passage.text, "NATO is an intergovernmental military alliance of 32 member states. It was founded in 1949.")
        XCTAssertEqual(try knowledgeBase.lexicalSearch("\"; DROP TABLE passage; --", limit: 5).count, 0, "query syntax is neutralised")

        let vectors = try knowledgeBase.passageVectors()
        XCTAssertEqual(vectors.count, 3)
        XCTAssertEqual(vectors.values.count, 3 * vectors.dimension)
        let expected = try await HashingEmbedder().embed(["NATO. " + found[0].passage.text])[0]
        let position = Array(vectors.rowids).firstIndex(of: hits[0])!
        let stored = vectors.vector(at: position)
        XCTAssertLessThan(zip(stored, expected).map { abs($0 - $1) }.max()!, 1e-3, "fp16 round trip")
    }

    /// The vectors are written once to a file beside the knowledge base and mapped from it afterwards; a change to the
    /// passages, or a damaged file, makes it written again; a folder that cannot be written keeps them in memory.
    func testPassageVectorsAreMappedFromAFileKeptCurrent() async throws {
        let knowledgeBase = try KnowledgeBase(path: databasePath)
        let ingester = Ingester(knowledgeBase: knowledgeBase, embedder: HashingEmbedder())
        _ = try await ingester.ingest(paths: [folder.path])
        let vectorPath = databasePath + ".vectors"
        let first = try knowledgeBase.passageVectors()
        let written = try FileManager.default.attributesOfItem(atPath: vectorPath)[.modificationDate] as? Date
        XCTAssertNotNil(written, "written beside the knowledge base")
        let size = try FileManager.default.attributesOfItem(atPath: vectorPath)[.size] as? Int
        XCTAssertEqual(size, 32 + 3 * 8 + 3 * first.dimension * 2, "half floats, as the database stores them")
        try await Task.sleep(for: .milliseconds(20))
        let again = try KnowledgeBase(path: databasePath).passageVectors()
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: vectorPath)[.modificationDate] as? Date, written, "reused as it is")
        XCTAssertEqual(Array(again.values), Array(first.values))

        try #"{"id": "doc:tokyo", "title": "Tokyo", "text": "Tokyo is the capital of Japan.", "url": "https://en.wikipedia.org/wiki/Tokyo"}"#
            .write(to: folder.appendingPathComponent("more.jsonl"), atomically: true, encoding: .utf8)
        _ = try await ingester.ingest(paths: [folder.path])
        let grown = try knowledgeBase.passageVectors()
        XCTAssertEqual(grown.count, 4, "a new passage makes the file written again")
        let grownValues = Array(grown.values)
        XCTAssertEqual(Array(grownValues.prefix(3 * grown.dimension)), Array(first.values), "the earlier rows unchanged")

        try Data("FCVEC002 but cut short".utf8).write(to: URL(fileURLWithPath: vectorPath), options: .atomic)
        XCTAssertEqual(try knowledgeBase.passageVectors().count, 4, "a damaged file is written again")

        try FileManager.default.removeItem(atPath: vectorPath)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path) }
        let inMemory = try KnowledgeBase(path: databasePath).passageVectors()
        XCTAssertEqual(Array(inMemory.values), grownValues, "a read-only folder: the same vectors, in memory")
        if getuid() != 0 { XCTAssertFalse(FileManager.default.fileExists(atPath: vectorPath)) }
    }

    func testReopeningKeepsDataAndRunsMigrationsOnce() async throws {
        do {
            let knowledgeBase = try KnowledgeBase(path: databasePath)
            _ = try await Ingester(knowledgeBase: knowledgeBase, embedder: nil).ingest(paths: [folder.path])
        }
        let reopened = try KnowledgeBase(path: databasePath)
        XCTAssertEqual(try reopened.counts().passages, 3)
    }

    func testNotADatabaseIsAClearError() throws {
        try Data("this is not sqlite".utf8).write(to: URL(fileURLWithPath: databasePath))
        XCTAssertThrowsError(try KnowledgeBase(path: databasePath)) { error in
            XCTAssertTrue("\(error)".contains(databasePath), "\(error)")
        }
    }

    func testHybridRetrievalFusesLexicalAndDenseRankings() async throws {
        let knowledgeBase = try KnowledgeBase(path: databasePath)
        _ = try await Ingester(knowledgeBase: knowledgeBase, embedder: HashingEmbedder()).ingest(paths: [folder.path])
        let retriever = HybridRetriever(store: knowledgeBase, embedder: HashingEmbedder())
        let claim = Claim(text: "NATO has 30 member states", normalized: "NATO has 30 member states")
        let results = try await retriever.passages(for: EvidenceQuery(claim: claim, limit: 2))
        XCTAssertEqual(results.count, 2)
        XCTAssertEqual(results[0].source.id, SourceID("doc:nato"))
        XCTAssertEqual(results[0].lexicalRank, 1)
        XCTAssertNotNil(results[0].similarity)
        XCTAssertGreaterThan(results[0].relevance, results[1].relevance)
        XCTAssertEqual(results.map(\.provider), ["local", "local"])
    }

    func testTheFetchCacheKeepsAndReplacesResponses() async throws {
        let cache = try SQLiteFetchCache(path: databasePath)
        XCTAssertNil(try cache.response(for: "page:https://example.org/a"))
        let first = CachedResponse(url: "https://example.org/a", body: Data("<p>one</p>".utf8), contentType: "text/html; charset=utf-8",
                                   etag: "\"v1\"", lastModified: "Tue, 05 Mar 2024 10:00:00 GMT", fetched: Date(timeIntervalSince1970: 1_700_000_000))
        try cache.store(first, for: "page:https://example.org/a")
        XCTAssertEqual(try SQLiteFetchCache(path: databasePath).response(for: "page:https://example.org/a"), first, "kept across opens")
        var second = first
        second.body = Data("<p>two</p>".utf8)
        second.etag = nil
        try cache.store(second, for: "page:https://example.org/a")
        XCTAssertEqual(try cache.response(for: "page:https://example.org/a"), second)
    }
}
