import ArgumentParser
import Foundation

/// Where evidence comes from: `--providers` (or `$FACTCHECK_PROVIDERS`), each online provider's endpoint, and how long
/// a provider may take. The default is the local knowledge base alone, offline.
struct ProviderOptions: ParsableArguments {
    /// An evidence provider that can be switched on.
    enum Kind: String, CaseIterable {
        case local, wikipedia
    }

    @Option(name: .long, help: ArgumentHelp("Evidence providers, comma-separated: local, wikipedia (default: $FACTCHECK_PROVIDERS or local).",
                                            valueName: "list"))
    var providers: String?
    @Option(name: .customLong("wikipedia-url"),
            help: ArgumentHelp("A MediaWiki action API (default: $FACTCHECK_WIKIPEDIA_URL or https://en.wikipedia.org/w/api.php).", valueName: "url"))
    var wikipediaURL: String?
    @Option(name: .customLong("provider-timeout"),
            help: ArgumentHelp("Seconds a provider may take before a check goes on without it (default: $FACTCHECK_PROVIDER_TIMEOUT or 8).",
                               valueName: "seconds"))
    var providerTimeout: Double?

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
            let address = wikipediaURL ?? Self.environment["FACTCHECK_WIKIPEDIA_URL"] ?? "https://en.wikipedia.org/w/api.php"
            guard let url = URL(string: address), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme), url.host != nil else {
                throw ValidationError("--wikipedia-url must be an http(s) address of a MediaWiki api.php, got '\(address)'.")
            }
            return url
        }
    }

    var deadline: Duration {
        get throws {
            let seconds = providerTimeout ?? Self.environment["FACTCHECK_PROVIDER_TIMEOUT"].flatMap(Double.init) ?? 8
            guard seconds > 0, seconds <= 120 else { throw ValidationError("--provider-timeout must be from 0 to 120 seconds, got \(seconds).") }
            return .milliseconds(Int(seconds * 1000))
        }
    }

    func validate() throws {
        _ = try kinds
        _ = try wikipediaEndpoint
        _ = try deadline
    }
}
