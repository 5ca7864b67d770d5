import Foundation

/// Host-name handling shared by the publisher table and the ratings: normalisation and parent domains.
enum DomainName {
    /// Lower-cased host without scheme, path, port, trailing dot or a leading `www.`;
    /// taken from `url` when `domain` is empty.
    static func host(domain: String, url: String) -> String {
        var host = domain.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        if host.isEmpty, let parsed = URL(string: url)?.host { host = parsed.lowercased() }
        host = withoutScheme(host)
        if let end = host.firstIndex(where: { "/:?#".contains($0) }) { host = String(host[..<end]) }
        while host.hasSuffix(".") { host.removeLast() }
        if host.hasPrefix("www.") { host.removeFirst(4) }
        return host
    }

    /// A rated site as a lower-cased host with an optional path and no `www.`, query or trailing slash:
    /// `www.Cato.org/blog/` → `cato.org/blog`.
    static func site(_ raw: String) -> String {
        var site = withoutScheme(raw.trimmingCharacters(in: .whitespacesAndNewlines).lowercased())
        if let end = site.firstIndex(where: { "?#".contains($0) }) { site = String(site[..<end]) }
        while site.hasSuffix("/") || site.hasSuffix(".") { site.removeLast() }
        if site.hasPrefix("www.") { site.removeFirst(4) }
        return site
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

    /// `host` followed by each leading part of the URL's path, longest first:
    /// `facebook.com/page/posts/1` → `facebook.com/page/posts/1`, `facebook.com/page/posts`, `facebook.com/page`.
    static func pathCandidates(host: String, url: String) -> [String] {
        guard let parsed = URL(string: url), let urlHost = parsed.host, Self.host(domain: urlHost, url: "") == host else {
            return []
        }
        let components = parsed.path.lowercased().split(separator: "/").map(String.init)
        guard !components.isEmpty else { return [] }
        return (1 ... components.count).reversed().map { ([host] + components.prefix($0)).joined(separator: "/") }
    }

    private static func withoutScheme(_ text: String) -> String {
        guard let scheme = text.range(of: "://") else { return text }
        return String(text[scheme.upperBound...])
    }
}
