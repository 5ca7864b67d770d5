import FactCheckCore

/// Where a check searched for evidence and how each provider answered, in one line for readers: "Evidence searched:
/// the local knowledge base (8 passages); Wikipedia (no answer in time, left out)." Internals (error texts, addresses)
/// stay in the operator's log.
public enum ProviderSummary {
    /// The line, or nil when the report recorded no providers (reports written before they were recorded).
    public static func line(_ outcomes: [ProviderOutcome]) -> String? {
        guard !outcomes.isEmpty else { return nil }
        let parts = outcomes.map { outcome in
            let name = displayName(outcome.provider)
            switch outcome.status {
            case .answered: return "\(name) (\(outcome.passages) passage\(outcome.passages == 1 ? "" : "s"))"
            case .timedOut: return "\(name) (no answer in time, left out)"
            case .failed: return "\(name) (unavailable, left out)"
            }
        }
        return "Evidence searched: " + parts.joined(separator: "; ") + "."
    }

    /// A provider's name as readers know it.
    public static func displayName(_ provider: String) -> String {
        switch provider {
        case "local": "the local knowledge base"
        case "wikipedia": "Wikipedia"
        case "searxng": "web search (SearxNG)"
        case "brave": "web search (Brave)"
        case "factchecktools": "earlier fact checks (Google Fact Check Tools)"
        default: provider
        }
    }
}
