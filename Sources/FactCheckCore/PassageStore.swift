/// Where the local knowledge base keeps its passages: sources with their passages, written whole, found by their
/// words (full-text search) and by their meaning (nearest embeddings). SQLite is the embedded store; another database
/// plugs in behind the same calls.
public protocol PassageStore: Sendable {
    /// Whether content with this hash is stored already.
    func contains(contentHash: String) async throws -> Bool
    /// Stores a document with its passages (and their embeddings) at once; false when its content was stored already.
    func add(_ document: StoredDocument) async throws -> Bool
    /// How many sources and passages are stored.
    func counts() async throws -> (sources: Int, passages: Int)
    /// The passages whose words best match `query`, best first.
    func lexicalSearch(_ query: String, limit: Int) async throws -> [PassageKey]
    /// The passages whose embeddings are nearest `vector` (unit length), most similar first.
    func denseSearch(_ vector: [Float], limit: Int) async throws -> [(key: PassageKey, similarity: Double)]
    /// The similarity of `vector` to each of the passages that has an embedding.
    func similarities(_ vector: [Float], to keys: [PassageKey]) async throws -> [PassageKey: Double]
    /// The passages with their sources, in the order of `keys` (keys not stored are left out).
    func passages(_ keys: [PassageKey]) async throws -> [(key: PassageKey, passage: Passage, source: Source)]
}

/// A stored passage's key in its store.
public typealias PassageKey = Int64

/// A source with its passages and their embeddings, ready to store.
public struct StoredDocument: Sendable {
    public var source: Source
    public var contentHash: String
    public var passages: [String]
    /// One vector per passage (or empty to store none).
    public var embeddings: [[Float]]

    public init(source: Source, contentHash: String, passages: [String], embeddings: [[Float]]) {
        self.source = source
        self.contentHash = contentHash
        self.passages = passages
        self.embeddings = embeddings
    }
}
