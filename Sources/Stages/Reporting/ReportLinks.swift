import Foundation

/// Which URLs a rendered report may link to.
enum ReportLinks {
    /// Characters RFC 3986 allows in a URL; anything else is percent-encoded before a URL is linked.
    private static let allowed = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#[]@!$&'()*+,;=%"
    )

    /// `url` percent-encoded if it is an absolute http or https URL with a host; `nil` for anything else
    /// (`javascript:`, `data:`, relative or malformed URLs), which must then be shown as text, not linked.
    static func web(_ url: String) -> String? {
        guard let encoded = url.trimmingCharacters(in: .whitespacesAndNewlines).addingPercentEncoding(withAllowedCharacters: allowed),
              let components = URLComponents(string: encoded),
              let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = components.host, !host.isEmpty
        else { return nil }
        return encoded
    }
}
