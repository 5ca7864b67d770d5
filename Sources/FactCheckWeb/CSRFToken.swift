import Foundation

/// A double-submit CSRF token: a random value kept in a `SameSite=Strict`, `HttpOnly` cookie and repeated in each form.
/// Another site can neither read the cookie nor make the browser send it, so it cannot forge the form field.
struct CSRFToken: Sendable {
    var value: String
    var isNew: Bool

    static func make() -> CSRFToken {
        var generator = SystemRandomNumberGenerator()
        let value = (0 ..< 4).map { _ in (generator.next() as UInt64).paddedHex }.joined()
        return CSRFToken(value: value, isNew: true)
    }

    static func isWellFormed(_ value: String) -> Bool {
        value.utf8.count == 64 && value.utf8.allSatisfy { (48 ... 57).contains($0) || (97 ... 102).contains($0) }
    }

    static func matches(_ cookie: String, _ field: String) -> Bool {
        isWellFormed(cookie) && constantTimeEqual(cookie, field)
    }

    /// Compares secrets without an early exit that would leak how many leading bytes match.
    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        guard a.utf8.count == b.utf8.count else { return false }
        return zip(a.utf8, b.utf8).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

/// Fields of an `application/x-www-form-urlencoded` body.
struct FormFields: Sendable {
    private var fields: [String: String] = [:]

    init(_ body: String) {
        for pair in body.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decode(parts[0]) else { continue }
            fields[name] = parts.count > 1 ? Self.decode(parts[1]) ?? "" : ""
        }
    }

    subscript(name: String) -> String? { fields[name] }

    private static func decode(_ text: Substring) -> String? {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}
