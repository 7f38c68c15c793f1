import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A datagram socket standing in for systemd's notify socket: the test passes its name as
/// `$NOTIFY_SOCKET` and reads what the service says (READY=1, WATCHDOG=1, ...). Unchecked
/// Sendable: the reader thread is only started and cancelled; messages sit behind a mutex.
final class NotifySocket: @unchecked Sendable {
    /// What to put in `$NOTIFY_SOCKET`: a path, or `@name` for an abstract socket.
    let name: String
    private let inbox = Inbox()
    private let reader: Thread

    /// The messages, shared with the reader thread.
    private final class Inbox: Sendable {
        let messages = Mutex<[(at: Date, message: String)]>([])
    }

    /// Binds a socket at `path`, or in the abstract namespace when `abstract` is set.
    init(path: String, abstract: Bool = false) throws {
        let descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        var bytes = Array(path.utf8)
        if abstract { bytes.insert(0, at: 0) }
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: bytes) }
        let length = socklen_t(MemoryLayout<sockaddr_un>.offset(of: \.sun_path)! + bytes.count)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) }
        }
        guard bound == 0 else {
            close(descriptor)
            throw ServerError("cannot bind the notify socket \(path)")
        }
        var timeout = timeval(tv_sec: 0, tv_usec: 200_000)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        name = abstract ? "@" + path : path
        let inbox = self.inbox
        reader = Thread {
            var buffer = [UInt8](repeating: 0, count: 4096)
            while !Thread.current.isCancelled {
                let count = recv(descriptor, &buffer, buffer.count, 0)
                if count > 0 {
                    let message = String(decoding: buffer[0..<count], as: UTF8.self)
                    inbox.messages.withLock { $0.append((Date(), message)) }
                }
            }
            // Closed here, not in deinit, so the descriptor is never read after it is reused.
            close(descriptor)
        }
        reader.start()
    }

    /// Every message so far, oldest first.
    var messages: [(at: Date, message: String)] { inbox.messages.withLock { $0 } }

    /// Waits (at most `timeout` seconds) for a message after the first `skipping` ones that
    /// contains `text`; returns it and its position.
    func wait(for text: String, after skipping: Int = 0, timeout: TimeInterval = 15) async throws -> Int {
        let deadline = Date() + timeout
        while Date() < deadline {
            let all = messages
            if let index = all.indices.dropFirst(skipping).first(where: { all[$0].message.contains(text) }) {
                return index
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw ServerError("no \(text) from the service within \(Int(timeout)) s; got \(messages.map(\.message))")
    }

    deinit {
        reader.cancel()
    }
}
