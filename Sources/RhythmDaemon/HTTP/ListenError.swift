import NIOCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The HTTP server could not listen on `service.listen`: the address and the reason, with
/// what to do about it. `rhythm serve` exits with ``exitStatus`` after logging it.
public struct ListenError: Error, CustomStringConvertible, Sendable {
    /// `EX_OSERR` from sysexits.h: the operating system refused the socket.
    public static let exitStatus: Int32 = 71

    /// A stable name of the reason: `address-in-use`, `permission-denied`,
    /// `address-not-available` or `cannot-listen`.
    public let code: String
    /// `host:port` as configured.
    public let address: String
    public let description: String

    /// Describes `error`, thrown while binding the server's socket to `host:port`.
    init(binding host: String, port: Int, failedWith error: any Error) {
        address = "\(host):\(port)"
        switch (error as? IOError)?.errnoCode {
        case EADDRINUSE:
            code = "address-in-use"
            description =
                "address already in use: another process listens on \(address); "
                + "set service.listen or stop the other process"
        case EACCES:
            code = "permission-denied"
            description =
                "permission denied: cannot listen on \(address); ports below 1024 need CAP_NET_BIND_SERVICE; "
                + "set service.listen to a higher port"
        case EADDRNOTAVAIL:
            code = "address-not-available"
            description =
                "address not available: no network interface of this machine has \(host); set service.listen"
        default:
            code = "cannot-listen"
            description = "cannot listen on \(address): \(error); check service.listen"
        }
    }
}
