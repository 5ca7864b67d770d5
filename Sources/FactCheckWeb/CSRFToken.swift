import Crypto
import FactCheckCore
import Foundation

/// A reader's CSRF credentials: a random session value kept in a `SameSite=Strict`, `HttpOnly` cookie, and the form
/// token, HMAC-SHA256 of that value under the server's secret, repeated in each form.
struct CSRFToken: Sendable {
    var session: String
    var formValue: String
    /// The cookie must be set on the response.
    var isNew: Bool
}

/// Makes and checks CSRF tokens bound to this server: only the holder of the secret can make the form token of a
/// session, so a pair made up by another site (or typed into both cookie and field) is refused.
struct CSRFProtection: Sendable {
    private let key: SymmetricKey

    init(secret: [UInt8]) { key = SymmetricKey(data: secret) }

    /// A new session with its form token.
    func newToken() -> CSRFToken {
        let session = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0).hexString }
        return CSRFToken(session: session, formValue: formValue(session), isNew: true)
    }

    /// The token of an existing session cookie, or a new session when the cookie is absent or malformed.
    func token(cookie: String?) -> CSRFToken {
        guard let cookie, Self.isWellFormed(cookie) else { return newToken() }
        return CSRFToken(session: cookie, formValue: formValue(cookie), isNew: false)
    }

    /// Whether `field` is the form token of the session in `cookie` (compared in constant time).
    func verify(cookie: String?, field: String?) -> Bool {
        guard let cookie, let field, Self.isWellFormed(cookie) else { return false }
        return Self.constantTimeEqual(formValue(cookie), field)
    }

    private func formValue(_ session: String) -> String {
        Data(HMAC<SHA256>.authenticationCode(for: Data(session.utf8), using: key)).hexString
    }

    private static func isWellFormed(_ value: String) -> Bool {
        value.utf8.count == 64 && value.utf8.allSatisfy { (48 ... 57).contains($0) || (97 ... 102).contains($0) }
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
