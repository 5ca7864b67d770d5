/// Which page of a listing to read: page `page` (from 1) of `perPage` items. Both are kept within bounds, so the
/// offset of any page request is a small number and arithmetic on it cannot overflow.
public struct PageRequest: Sendable, Equatable {
    /// The highest page number any listing is read at.
    public static let maxPage = 1_000_000
    /// The most items one page holds.
    public static let maxPerPage = 100

    public let page: Int
    public let perPage: Int

    /// Clamps `page` to `1...maxPage` and `perPage` to `1...maxPerPage`.
    public init(page: Int = 1, perPage: Int = 20) {
        self.page = min(max(1, page), Self.maxPage)
        self.perPage = min(max(1, perPage), Self.maxPerPage)
    }

    /// Items before this page: at most `(maxPage - 1) * maxPerPage`.
    public var offset: Int { (page - 1) * perPage }
}

/// One page of a listing with the total across all pages.
public struct ResultPage<Item: Sendable & Equatable>: Sendable, Equatable {
    public var items: [Item]
    public var request: PageRequest
    public var total: Int

    public init(items: [Item], request: PageRequest, total: Int) {
        self.items = items
        self.request = request
        self.total = total
    }

    public var page: Int { request.page }
    public var perPage: Int { request.perPage }
    public var pageCount: Int { max(1, (total + perPage - 1) / perPage) }
}

/// The order comments are listed in.
public enum CommentOrder: String, Sendable, CaseIterable {
    case oldestFirst = "oldest"
    case newestFirst = "newest"
}
