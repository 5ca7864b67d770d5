/// Rendered fact-check pages by URL, so a popular permalink is rendered once. Entries of a slug are dropped whenever
/// its checks or comments change; the whole cache is bounded (a capacity of 0 keeps nothing).
actor PageCache {
    private var pages: [String: (slug: String, page: RenderedPage)] = [:]
    private let capacity: Int

    init(capacity: Int = 512) { self.capacity = capacity }

    func page(_ key: String) -> RenderedPage? { pages[key]?.page }

    func store(_ page: RenderedPage, key: String, slug: String) {
        guard capacity > 0 else { return }
        if pages.count >= capacity { pages.removeAll(keepingCapacity: true) }
        pages[key] = (slug, page)
    }

    func invalidate(slug: String) {
        pages = pages.filter { $0.value.slug != slug }
    }
}
