import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A TCP port on 127.0.0.1 that nothing listens on right now, for a server under test.
enum LoopbackPort {
    /// Ports already handed out in this test run. The kernel may offer a port again once the
    /// probing socket is closed, before the server it was meant for binds it; two servers
    /// started in parallel would then share a port and one would fail to listen while the
    /// other answered its readiness checks.
    private static let handedOut = Mutex<Set<Int>>([])

    /// A port nothing listens on now and that no other caller in this process was given.
    static func free() -> Int {
        while true {
            let port = probe()
            let isNew = handedOut.withLock { $0.insert(port).inserted }
            if isNew { return port }
        }
    }

    /// A port the kernel picks for a socket bound and closed at once.
    private static func probe() -> Int {
        #if canImport(Glibc)
            let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
            let descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        defer { close(descriptor) }
        guard let port = bindToAnyPort(descriptor) else { preconditionFailure("cannot bind a socket on 127.0.0.1") }
        return port
    }

    /// Binds the TCP socket `descriptor` to 127.0.0.1 at a port the kernel picks; returns the
    /// port, or nil when it cannot be bound.
    static func bindToAnyPort(_ descriptor: Int32) -> Int? {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                bind(descriptor, socketAddress, length) == 0 && getsockname(descriptor, socketAddress, &length) == 0
            }
        }
        return bound ? Int(UInt16(bigEndian: address.sin_port)) : nil
    }
}
