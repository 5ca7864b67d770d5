import FactCheckCore
import Foundation

/// A credibility scorer that judges each source once: the pipeline and the stance rules (which read scholarly sources
/// whole) ask about the same sources, and a source's passages share it. A source is known by its address, domain and
/// publisher, all that credibility depends on; at most `capacity` are remembered, then it starts again.
public final class RememberingCredibilityScorer: CredibilityScorer, @unchecked Sendable {
    public let base: any CredibilityScorer
    private let capacity: Int
    private let lock = NSLock()
    private var judged: [String: Credibility] = [:]

    public init(base: any CredibilityScorer, capacity: Int = 10_000) {
        self.base = base
        self.capacity = capacity
    }

    public func credibility(of source: Source) -> Credibility {
        let key = [source.url, source.domain, source.publisher ?? ""].joined(separator: "\u{1F}")
        if let known = lock.withLock({ judged[key] }) { return known }
        let credibility = base.credibility(of: source)
        lock.withLock {
            if judged.count >= capacity { judged.removeAll(keepingCapacity: true) }
            judged[key] = credibility
        }
        return credibility
    }
}
