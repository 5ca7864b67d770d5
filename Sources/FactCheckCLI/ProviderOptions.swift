import ArgumentParser
import Foundation

/// Where evidence comes from: `--providers` (or `$FACTCHECK_PROVIDERS`), each online provider's endpoint and key, and
/// how long a provider may take. The default is the local knowledge base alone, offline. Keys are read from the
/// environment only, so they never appear in a process list or a log.
struct ProviderOptions: ParsableArguments {
    /// An evidence provider that can be switched on.
    enum Kind: String, CaseIterable {
        case local, wikipedia, searxng, brave, factchecktools
    }

    @Option(name: .long, help: ArgumentHelp("Evidence providers, comma-separated: local, wikipedia, searxng, brave, factchecktools (default: $FACTCHECK_PROVIDERS or local).",
                                            valueName: "list"))
    var providers: String?
    @Option(name: .customLong("wikipedia-url"),
            help: ArgumentHelp("A MediaWiki action API (default: $FACTCHECK_WIKIPEDIA_URL or https://en.wikipedia.org/w/api.php).", valueName: "url"))
    var wikipediaURL: String?
    @Option(name: .customLong("searxng-url"),
            help: ArgumentHelp("A SearxNG instance with its JSON format enabled (default: $FACTCHECK_SEARXNG_URL).", valueName: "url"))
    var searxngURL: String?
    @Option(name: .customLong("brave-url"),
            help: ArgumentHelp("The Brave Search API's web search (default: $FACTCHECK_BRAVE_URL or https://api.search.brave.com/res/v1/web/search); the key is $FACTCHECK_BRAVE_KEY.",
                               valueName: "url"))
    var braveURL: String?
    @Option(name: .customLong("factchecktools-url"),
            help: ArgumentHelp("Google Fact Check Tools' claims:search (default: $FACTCHECK_FACTCHECKTOOLS_URL or https://factchecktools.googleapis.com/v1alpha1/claims:search); the key is $FACTCHECK_FACTCHECKTOOLS_KEY.",
                               valueName: "url"))
    var factCheckToolsURL: String?
    @Option(name: .customLong("provider-timeout"),
            help: ArgumentHelp("Seconds a provider may take before a check goes on without it: one number for all, and/or NAME=SECONDS each, e.g. 8,wikipedia=5 (default: $FACTCHECK_PROVIDER_TIMEOUT or 8).",
                               valueName: "seconds"))
    var providerTimeout: String?
    @Option(name: .customLong("provider-results"),
            help: ArgumentHelp("The most passages taken from a provider: one number for all, and/or NAME=COUNT each, e.g. wikipedia=4 (default: $FACTCHECK_PROVIDER_RESULTS, else as many as a check reads).",
                               valueName: "count"))
    var providerResults: String?

    private static var environment: [String: String] { ProcessInfo.processInfo.environment }

    /// The providers asked, in order.
    var kinds: [Kind] {
        get throws {
            let list = providers ?? Self.environment["FACTCHECK_PROVIDERS"] ?? "local"
            let names = list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty }
            var kinds: [Kind] = []
            for name in names {
                guard let kind = Kind(rawValue: name) else {
                    throw ValidationError("Unknown evidence provider '\(name)'. Known: \(Kind.allCases.map(\.rawValue).joined(separator: ", ")).")
                }
                if !kinds.contains(kind) { kinds.append(kind) }
            }
            guard !kinds.isEmpty else { throw ValidationError("--providers names no provider.") }
            return kinds
        }
    }

    var wikipediaEndpoint: URL {
        get throws {
            try Self.endpoint(wikipediaURL ?? Self.environment["FACTCHECK_WIKIPEDIA_URL"] ?? "https://en.wikipedia.org/w/api.php", option: "--wikipedia-url")
        }
    }

    /// The SearxNG instance; required when `searxng` is among the providers.
    var searxngBase: URL {
        get throws {
            guard let address = searxngURL ?? Self.environment["FACTCHECK_SEARXNG_URL"] else {
                throw ValidationError("The searxng provider needs --searxng-url or $FACTCHECK_SEARXNG_URL.")
            }
            return try Self.endpoint(address, option: "--searxng-url")
        }
    }

    var braveEndpoint: URL {
        get throws {
            try Self.endpoint(braveURL ?? Self.environment["FACTCHECK_BRAVE_URL"] ?? "https://api.search.brave.com/res/v1/web/search", option: "--brave-url")
        }
    }

    /// The Brave Search API key; required when `brave` is among the providers.
    var braveKey: String {
        get throws {
            guard let key = Self.environment["FACTCHECK_BRAVE_KEY"], !key.isEmpty else {
                throw ValidationError("The brave provider needs its API key in $FACTCHECK_BRAVE_KEY.")
            }
            return key
        }
    }

    var factCheckToolsEndpoint: URL {
        get throws {
            try Self.endpoint(factCheckToolsURL ?? Self.environment["FACTCHECK_FACTCHECKTOOLS_URL"]
                ?? "https://factchecktools.googleapis.com/v1alpha1/claims:search", option: "--factchecktools-url")
        }
    }

    /// The Google Fact Check Tools API key; required when `factchecktools` is among the providers.
    var factCheckToolsKey: String {
        get throws {
            guard let key = Self.environment["FACTCHECK_FACTCHECKTOOLS_KEY"], !key.isEmpty else {
                throw ValidationError("The factchecktools provider needs its API key in $FACTCHECK_FACTCHECKTOOLS_KEY.")
            }
            return key
        }
    }

    /// Hosts fetched although their addresses are private: for testing against local servers only
    /// (`$FACTCHECK_FETCH_ALLOWED_HOSTS`, comma-separated). Empty in any real deployment.
    var fetchAllowedHosts: Set<String> {
        Set((Self.environment["FACTCHECK_FETCH_ALLOWED_HOSTS"] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
    }

    private static func endpoint(_ address: String, option: String) throws -> URL {
        guard let url = URL(string: address), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme), url.host != nil else {
            throw ValidationError("\(option) must be an http(s) address, got '\(address)'.")
        }
        return url
    }

    /// The deadline for every provider, and those set for particular ones.
    var deadlines: (all: Duration, by: [String: Duration]) {
        get throws {
            let (all, by) = try Self.perProvider(providerTimeout ?? Self.environment["FACTCHECK_PROVIDER_TIMEOUT"] ?? "8", option: "--provider-timeout")
            let duration = { (seconds: Double) throws -> Duration in
                guard seconds > 0, seconds <= 120 else {
                    throw ValidationError("--provider-timeout must be more than 0 and at most 120 seconds, got \(seconds.formatted()).")
                }
                return .milliseconds(Int(seconds * 1000))
            }
            return (try duration(all ?? 8), try by.mapValues(duration))
        }
    }

    /// The most passages taken from particular providers (every one, under the name "*").
    var passageLimits: [String: Int] {
        get throws {
            guard let text = providerResults ?? Self.environment["FACTCHECK_PROVIDER_RESULTS"] else { return [:] }
            let (all, by) = try Self.perProvider(text, option: "--provider-results")
            var limits: [String: Int] = [:]
            for (name, count) in by.merging(all.map { ["*": $0] } ?? [:], uniquingKeysWith: { first, _ in first }) {
                guard count >= 1, count <= 50, count == count.rounded() else {
                    throw ValidationError("--provider-results must be whole numbers from 1 to 50, got \(count.formatted()).")
                }
                limits[name] = Int(count)
            }
            return limits
        }
    }

    /// "8,wikipedia=5" → (8, ["wikipedia": 5]); names must be providers.
    private static func perProvider(_ text: String, option: String) throws -> (all: Double?, by: [String: Double]) {
        var all: Double?
        var by: [String: Double] = [:]
        for item in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }).filter({ !$0.isEmpty }) {
            let parts = item.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard let value = Double(parts.last!) else { throw ValidationError("\(option): '\(item)' is not a number or NAME=NUMBER.") }
            if parts.count == 1 {
                all = value
            } else {
                guard Kind(rawValue: parts[0].lowercased()) != nil else {
                    throw ValidationError("\(option): unknown evidence provider '\(parts[0])'. Known: \(Kind.allCases.map(\.rawValue).joined(separator: ", ")).")
                }
                by[parts[0].lowercased()] = value
            }
        }
        return (all, by)
    }

    func validate() throws {
        let kinds = try kinds
        _ = try wikipediaEndpoint
        if kinds.contains(.searxng) { _ = try searxngBase }
        if kinds.contains(.brave) { _ = try braveEndpoint; _ = try braveKey }
        if kinds.contains(.factchecktools) { _ = try factCheckToolsEndpoint; _ = try factCheckToolsKey }
        _ = try deadlines
        _ = try passageLimits
    }
}
