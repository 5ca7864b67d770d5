/// Rendered fact-check pages by URL, so a popular permalink is rendered once. Entries of a slug are dropped whenever
/// this process changes its checks or comments; when other processes change them too, each entry also keeps the
/// slug's revision in the archive and is used only while that revision is current. The whole cache is bounded.
actor PageCache {
    private var pages: [String: (slug: String, revision: Int64?, page: RenderedPage)] = [:]
    private let capacity: Int

    init(capacity: Int = 512) { self.capacity = capacity }

    /// The page kept under `key`, if it was rendered at `revision` (nil: this process's own invalidation suffices).
    func page(_ key: String, revision: Int64?) -> RenderedPage? {
        guard let entry = pages[key], entry.revision == revision else { return nil }
        return entry.page
    }

    func store(_ page: RenderedPage, key: String, slug: String, revision: Int64?) {
        if pages.count >= capacity { pages.removeAll(keepingCapacity: true) }
        pages[key] = (slug, revision, page)
    }

    func invalidate(slug: String) {
        pages = pages.filter { $0.value.slug != slug }
    }
}
