import Foundation

/// Host-name handling shared by the publisher table and the ratings: normalisation and parent domains.
enum DomainName {
    /// Lower-cased host without scheme, path, port, trailing dot or a leading `www.`;
    /// taken from `url` when `domain` is empty.
    static func host(domain: String, url: String) -> String {
        var host = domain.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        if host.isEmpty, let parsed = URL(string: url)?.host { host = parsed.lowercased() }
        if let scheme = host.range(of: "://") { host = String(host[scheme.upperBound...]) }
        if let end = host.firstIndex(where: { "/:?#".contains($0) }) { host = String(host[..<end]) }
        while host.hasSuffix(".") { host.removeLast() }
        if host.hasPrefix("www.") { host.removeFirst(4) }
        return host
    }

    /// The host and each parent domain, most specific first: `a.b.c` → `a.b.c`, `b.c`, `c`.
    /// An IP address has no parents.
    static func candidates(of host: String) -> [String] {
        guard !host.isEmpty else { return [] }
        if host.allSatisfy({ $0.isNumber || $0 == "." }) { return [host] }
        var result = [host]
        var rest = Substring(host)
        while let dot = rest.firstIndex(of: ".") {
            rest = rest[rest.index(after: dot)...]
            if !rest.isEmpty { result.append(String(rest)) }
        }
        return result
    }
}
