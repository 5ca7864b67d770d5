/// One stored item of an archive as `factcheck export` writes it and `factcheck import` reads it (one JSON object a
/// line): a version of a check with its claim embedding (`{"check": …, "embedding": […]}`), a comment
/// (`{"comment": …}`) or an article check (`{"article": …}`), each with its id and date.
public enum ArchiveRecord: Sendable, Codable, Equatable {
    case check(PublishedCheck, embedding: [Float])
    case comment(Comment)
    case article(PublishedArticle)

    private enum CodingKeys: String, CodingKey {
        case check, embedding, comment, article
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let check = try container.decodeIfPresent(PublishedCheck.self, forKey: .check) {
            self = .check(check, embedding: try container.decodeIfPresent([Float].self, forKey: .embedding) ?? [])
        } else if let comment = try container.decodeIfPresent(Comment.self, forKey: .comment) {
            self = .comment(comment)
        } else if let article = try container.decodeIfPresent(PublishedArticle.self, forKey: .article) {
            self = .article(article)
        } else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "neither a check, a comment nor an article"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case let .check(check, embedding):
            try container.encode(check, forKey: .check)
            try container.encode(embedding, forKey: .embedding)
        case let .comment(comment): try container.encode(comment, forKey: .comment)
        case let .article(article): try container.encode(article, forKey: .article)
        }
    }
}

/// An archive whose whole content can be moved to another store (SQLite to PostgreSQL and back) with ids, slugs,
/// versions and dates kept.
public protocol ArchiveTransfer: Sendable {
    /// Every record, oldest first: all versions of the checks, then the comments, then the article checks.
    func exportRecords(_ each: @Sendable (ArchiveRecord) async throws -> Void) async throws
    /// Stores `record` as it was; false (nothing stored) when the archive already holds a record with its id, or a
    /// check with its slug and version. Importing the same file twice therefore adds nothing the second time.
    func importRecord(_ record: ArchiveRecord) async throws -> Bool
}
