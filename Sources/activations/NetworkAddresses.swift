#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// This machine's addresses that another machine on the network can open: what `serve --host 0.0.0.0`
/// prints for a classroom, where 0.0.0.0 itself is only where the server listens.
enum NetworkAddresses {
    /// The addresses another machine can open a URL at, for a server listening on `host`: this
    /// machine's IPv4 ones, then for an IPv6 wildcard (`::`, which takes IPv4 too) its IPv6 ones as a
    /// URL writes them, in brackets. Link-local IPv6 addresses (fe80::/10) are left out: a URL would
    /// need the interface's name with them, which browsers do not take.
    static func offered(listeningOn host: String) -> [String] {
        var v6 = in6_addr()
        guard inet_pton(AF_INET6, host, &v6) == 1 else { return ipv4() }
        return ipv4() + ipv6().map { "[\($0)]" }
    }

    /// The IPv4 addresses of the interfaces that are up and connected (running: not a bridge with nothing
    /// on it) and not loopback, each once, in the system's order.
    static func ipv4() -> [String] { addresses(AF_INET) }

    /// The IPv6 addresses of those interfaces, but for link-local ones, each once, in the system's order.
    static func ipv6() -> [String] { addresses(AF_INET6) }

    private static func addresses(_ family: Int32) -> [String] {
        var list: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&list) == 0, let list else { return [] }
        defer { freeifaddrs(list) }
        var found: [String] = []
        for entry in sequence(first: list, next: { $0.pointee.ifa_next }) {
            let flags = Int64(entry.pointee.ifa_flags)
            guard let socketAddress = entry.pointee.ifa_addr, socketAddress.pointee.sa_family == sa_family_t(family),
                flags & Int64(IFF_UP) != 0, flags & Int64(IFF_RUNNING) != 0, flags & Int64(IFF_LOOPBACK) == 0,
                let address = text(of: socketAddress, family)
            else { continue }
            if !found.contains(address) { found.append(address) }
        }
        return found
    }

    /// An interface's address as text (`inet_ntop`); nil for an IPv6 link-local one.
    private static func text(of socketAddress: UnsafeMutablePointer<sockaddr>, _ family: Int32) -> String? {
        var text = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        let converted: Bool
        if family == AF_INET {
            converted = socketAddress.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { inet in
                var address = inet.pointee.sin_addr
                return inet_ntop(AF_INET, &address, &text, socklen_t(text.count)) != nil
            }
        } else {
            converted = socketAddress.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { inet in
                var address = inet.pointee.sin6_addr
                let linkLocal = withUnsafeBytes(of: &address) { $0[0] == 0xFE && $0[1] & 0xC0 == 0x80 }
                return !linkLocal && inet_ntop(AF_INET6, &address, &text, socklen_t(text.count)) != nil
            }
        }
        return converted ? String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self) : nil
    }

    /// Whether `host` is the address of every network (0.0.0.0, ::, and their other spellings: 0, ::0).
    static func isWildcard(_ host: String) -> Bool {
        var v4 = in_addr(), v6 = in6_addr()
        if inet_pton(AF_INET, host, &v4) == 1 { return v4.s_addr == 0 }
        if inet_aton(host, &v4) != 0 { return v4.s_addr == 0 }  // the short forms the listener takes too ("0")
        guard inet_pton(AF_INET6, host, &v6) == 1 else { return false }
        return withUnsafeBytes(of: &v6) { $0.allSatisfy { $0 == 0 } }
    }
}
