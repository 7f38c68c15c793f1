import Foundation

/// Tells systemd how the service is doing (`sd_notify`) without linking libsystemd: one
/// datagram per message to the socket named by `$NOTIFY_SOCKET`, whose leading `@` means an
/// abstract socket. Does nothing when the variable is not set (not run by systemd, or not
/// `Type=notify`).
///
/// Messages are newline-separated assignments such as `READY=1` and `STATUS=Sending 3
/// reminders`; see sd_notify(3).
public struct SystemdNotifier: Sendable {
    /// The socket's path, or its abstract name with the leading `@`; nil when not notifying.
    public let socket: String?

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        let value = environment["NOTIFY_SOCKET"] ?? ""
        socket = value.isEmpty ? nil : value
    }

    /// Whether systemd listens.
    public var isEnabled: Bool { socket != nil }

    /// Sends the assignments as one message; returns whether it was sent. A failure is not an
    /// error worth stopping for: systemd then notices through its own timeouts.
    @discardableResult
    public func notify(_ assignments: String...) -> Bool {
        send(assignments.joined(separator: "\n"))
    }

    /// `STATUS=...`: the line `systemctl status` shows, without line breaks.
    @discardableResult
    public func status(_ text: String) -> Bool {
        send("STATUS=" + text.split(whereSeparator: \.isNewline).joined(separator: " "))
    }

    private func send(_ message: String) -> Bool {
        guard let socket else { return false }
        #if canImport(Glibc)
            let descriptor = Glibc.socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        #else
            let descriptor = Darwin.socket(AF_UNIX, SOCK_DGRAM, 0)
        #endif
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        var path = Array(socket.utf8)
        if path.first == UInt8(ascii: "@") { path[0] = 0 }
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        guard path.count < capacity else { return false }
        withUnsafeMutableBytes(of: &address.sun_path) { bytes in
            bytes.copyBytes(from: path)
        }
        let length = socklen_t(MemoryLayout<sockaddr_un>.offset(of: \.sun_path)! + path.count)
        let bytes = Array(message.utf8)
        let sent = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                sendto(descriptor, bytes, bytes.count, Int32(MSG_NOSIGNAL), socketAddress, length)
            }
        }
        return sent == bytes.count
    }
}
