/// Rendered fact-check pages by URL, so a popular permalink is rendered once. Entries of a slug are dropped whenever
/// this process changes its checks or comments; when other processes change them too, each entry also keeps the
/// slug's revision in the archive and is used only while that revision is current.
public protocol PageCache: Sendable {
    /// The page kept under `key`, if it was rendered at `revision` (nil: this process's own invalidation suffices).
    func page(_ key: String, revision: Int64?) async -> RenderedPage?
    func store(_ page: RenderedPage, key: String, slug: String, revision: Int64?) async
    func invalidate(slug: String) async
}

/// The page cache of one process, bounded: when full it starts again empty.
public actor InMemoryPageCache: PageCache {
    private var pages: [String: (slug: String, revision: Int64?, page: RenderedPage)] = [:]
    private let capacity: Int

    public init(capacity: Int = 512) { self.capacity = capacity }

    public func page(_ key: String, revision: Int64?) -> RenderedPage? {
        guard let entry = pages[key], entry.revision == revision else { return nil }
        return entry.page
    }

    public func store(_ page: RenderedPage, key: String, slug: String, revision: Int64?) {
        if pages.count >= capacity { pages.removeAll(keepingCapacity: true) }
        pages[key] = (slug, revision, page)
    }

    public func invalidate(slug: String) {
        pages = pages.filter { $0.value.slug != slug }
    }
}
