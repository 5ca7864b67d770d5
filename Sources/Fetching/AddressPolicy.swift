import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Which addresses a fetch made on a user's behalf may reach: public unicast only. Private, loopback, link-local
/// (cloud metadata at 169.254.169.254 among them), CGNAT, multicast, reserved and documentation ranges are refused,
/// in IPv4 and IPv6, also when an IPv6 address carries an IPv4 one (mapped, NAT64, 6to4).
public struct AddressPolicy: Sendable {
    /// Hosts reached even though their addresses are not public: for tests against a local server only.
    public var allowedHosts: Set<String>

    public init(allowedHosts: Set<String> = []) { self.allowedHosts = allowedHosts }

    /// Host names that always mean this machine or a cloud's metadata service.
    static let blockedNames: Set<String> = ["localhost", "metadata", "metadata.google.internal", "instance-data"]
    static let blockedSuffixes = [".localhost", ".local", ".internal", ".localdomain", ".home.arpa"]

    /// Why `host` may not be fetched by name, or `nil`.
    func refusal(forName host: String) -> String? {
        let name = host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "."))
        if allowedHosts.contains(name) { return nil }
        if Self.blockedNames.contains(name) || Self.blockedSuffixes.contains(where: name.hasSuffix) {
            return "\(host) is a local or internal host name"
        }
        return nil
    }

    /// Why `address` may not be reached, or `nil` when it is a public unicast address.
    func refusal(for address: ResolvedAddress, host: String) -> String? {
        if allowedHosts.contains(host.lowercased()) { return nil }
        guard let range = Self.blockedRange(of: address) else { return nil }
        return "\(host) resolves to \(address) (\(range)), which is not a public address"
    }

    static func blockedRange(of address: ResolvedAddress) -> String? {
        switch address {
        case let .v4(bytes): return blockedRange(v4: bytes)
        case let .v6(bytes): return blockedRange(v6: bytes)
        }
    }

    private static func blockedRange(v4 b: [UInt8]) -> String? {
        switch (b[0], b[1], b[2]) {
        case (0, _, _): "this network, 0.0.0.0/8"
        case (10, _, _): "private, 10.0.0.0/8"
        case (100, 64 ... 127, _): "carrier-grade NAT, 100.64.0.0/10"
        case (127, _, _): "loopback, 127.0.0.0/8"
        case (169, 254, _): "link-local and cloud metadata, 169.254.0.0/16"
        case (172, 16 ... 31, _): "private, 172.16.0.0/12"
        case (192, 0, 0): "IETF protocol assignments, 192.0.0.0/24"
        case (192, 0, 2), (198, 51, 100), (203, 0, 113): "documentation"
        case (192, 88, 99): "6to4 relay, 192.88.99.0/24"
        case (192, 168, _): "private, 192.168.0.0/16"
        case (198, 18 ... 19, _): "benchmarking, 198.18.0.0/15"
        case (224 ... 239, _, _): "multicast, 224.0.0.0/4"
        case (240 ... 255, _, _): "reserved or broadcast, 240.0.0.0/4"
        default: nil
        }
    }

    private static func blockedRange(v6 b: [UInt8]) -> String? {
        if b[0 ..< 15].allSatisfy({ $0 == 0 }) { return b[15] == 1 ? "loopback, ::1" : "unspecified, ::" }
        if b[0 ..< 10].allSatisfy({ $0 == 0 }), b[10] == 0xFF, b[11] == 0xFF {
            return blockedRange(v4: Array(b[12 ..< 16])).map { "IPv4-mapped \($0)" }
        }
        if b[0 ..< 12].allSatisfy({ $0 == 0 }) { return "IPv4-compatible, ::/96" }
        if b[0 ..< 12] == [0x00, 0x64, 0xFF, 0x9B, 0, 0, 0, 0, 0, 0, 0, 0] {
            return blockedRange(v4: Array(b[12 ..< 16])).map { "NAT64 of \($0)" }
        }
        if b[0] == 0x20, b[1] == 0x02 { return blockedRange(v4: Array(b[2 ..< 6])).map { "6to4 of \($0)" } }
        if b[0] & 0xFE == 0xFC { return "unique local, fc00::/7" }
        if b[0] == 0xFE, b[1] & 0xC0 == 0x80 { return "link-local, fe80::/10" }
        if b[0] == 0xFE, b[1] & 0xC0 == 0xC0 { return "site-local, fec0::/10" }
        if b[0] == 0xFF { return "multicast, ff00::/8" }
        if b[0] == 0x20, b[1] == 0x01, b[2] == 0x0D, b[3] == 0xB8 { return "documentation, 2001:db8::/32" }
        if b[0] == 0x01, b[1 ..< 8].allSatisfy({ $0 == 0 }) { return "discard, 100::/64" }
        return nil
    }
}

/// An IP address a host name resolved to.
public enum ResolvedAddress: Sendable, Equatable, CustomStringConvertible {
    case v4([UInt8])
    case v6([UInt8])

    public var description: String {
        switch self {
        case let .v4(bytes): return bytes.map(String.init).joined(separator: ".")
        case let .v6(bytes):
            var address = in6_addr()
            withUnsafeMutableBytes(of: &address) { $0.copyBytes(from: bytes) }
            var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
            inet_ntop(AF_INET6, &address, &buffer, socklen_t(buffer.count))
            return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
    }

    /// Every address `host` resolves to, as the system resolver reads it: IPv4 literals in decimal, octal or
    /// hexadecimal forms ("2130706433", "0177.0.0.1") come out as the address they mean.
    static func resolve(_ host: String) async throws -> [ResolvedAddress] {
        let name = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        return try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                var hints = addrinfo()
                hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
                var result: UnsafeMutablePointer<addrinfo>?
                let status = getaddrinfo(name, nil, &hints, &result)
                guard status == 0, let first = result else {
                    continuation.resume(throwing: FetchError.unresolvable(host))
                    return
                }
                defer { freeaddrinfo(first) }
                var addresses: [ResolvedAddress] = []
                var current: UnsafeMutablePointer<addrinfo>? = first
                while let info = current {
                    if info.pointee.ai_family == AF_INET, let address = info.pointee.ai_addr {
                        let ipv4 = address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { $0.pointee.sin_addr }
                        addresses.append(.v4(withUnsafeBytes(of: ipv4) { Array($0) }))
                    } else if info.pointee.ai_family == AF_INET6, let address = info.pointee.ai_addr {
                        let ipv6 = address.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { $0.pointee.sin6_addr }
                        addresses.append(.v6(withUnsafeBytes(of: ipv6) { Array($0) }))
                    }
                    current = info.pointee.ai_next
                }
                var unique: [ResolvedAddress] = []
                for address in addresses where !unique.contains(address) { unique.append(address) }
                continuation.resume(returning: unique)
            }
        }
    }
}
