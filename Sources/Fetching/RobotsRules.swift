/// A site's robots.txt rules for one crawler (RFC 9309): the group naming the crawler's product token, else the `*`
/// group; the longest matching `Allow` or `Disallow` pattern decides (`Allow` on a tie); `*` matches any run of
/// characters and a final `$` the end of the path.
public struct RobotsRules: Sendable, Equatable {
    private struct Rule: Sendable, Equatable {
        var allow: Bool
        var pattern: String
    }

    private let rules: [Rule]

    /// Everything allowed (no robots.txt, or one that names no rule for the crawler).
    public static let allowAll = RobotsRules(rules: [])
    /// Nothing allowed (robots.txt could not be read because of a server error).
    public static let disallowAll = RobotsRules(rules: [Rule(allow: false, pattern: "/")])

    private init(rules: [Rule]) { self.rules = rules }

    /// The rules of `text` for the crawler whose product token is `agent` (e.g. "FactCheck"), matched case-insensitively.
    public init(_ text: String, agent: String) {
        var groups: [(agents: [String], rules: [Rule])] = []
        var collectingAgents = false
        for rawLine in text.split(whereSeparator: \.isNewline) {
            let line = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            guard let colon = line.firstIndex(of: ":") else { continue }
            let field = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            switch field {
            case "user-agent":
                if !collectingAgents { groups.append(([], [])) }
                groups[groups.count - 1].agents.append(value.lowercased())
                collectingAgents = true
            case "allow", "disallow":
                collectingAgents = false
                guard !groups.isEmpty, !value.isEmpty else { continue }  // an empty Disallow allows everything
                groups[groups.count - 1].rules.append(Rule(allow: field == "allow", pattern: value))
            default:
                continue
            }
        }
        let token = agent.lowercased()
        let named = groups.filter { $0.agents.contains { $0 != "*" && token.hasPrefix($0) } }
        let chosen = named.isEmpty ? groups.filter { $0.agents.contains("*") } : named
        rules = chosen.flatMap(\.rules)
    }

    /// Whether the crawler may fetch `path` (with its query, e.g. "/news/a.html?x=1").
    public func allows(_ path: String) -> Bool {
        let path = path.isEmpty ? "/" : path
        var best: Rule?
        for rule in rules where Self.matches(rule.pattern, path) {
            if let current = best {
                if rule.pattern.count > current.pattern.count || (rule.pattern.count == current.pattern.count && rule.allow) { best = rule }
            } else {
                best = rule
            }
        }
        return best?.allow ?? true
    }

    /// Whether `pattern` matches the start of `path` (`*` any run, a final `$` the end).
    static func matches(_ pattern: String, _ path: String) -> Bool {
        var characters = Array(pattern.unicodeScalars)
        let anchored = characters.last == "$"
        if anchored { characters.removeLast() }
        let path = Array(path.unicodeScalars)
        var positions: Set<Int> = [0]  // how far into `path` the pattern so far can have matched
        for character in characters {
            if character == "*" {
                positions = Set(positions.min()! ... path.count)
            } else {
                positions = Set(positions.compactMap { $0 < path.count && path[$0] == character ? $0 + 1 : nil })
            }
            if positions.isEmpty { return false }
        }
        return !anchored || positions.contains(path.count)
    }
}
