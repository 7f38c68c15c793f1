import Foundation

/// A throwaway Dovecot (Debian's `dovecot-imapd`) on loopback with one user, a self-signed
/// certificate and two listeners: IMAPS, and IMAP with STARTTLS.
///
/// `Scripts/imap_server.py` does the work; this type starts it for one test, delivers
/// messages into the mailbox as a mail server would (unseen), and reads back what is there.
/// Each instance has its own directory and ports, so tests run in parallel.
public final class IMAPTestServer: @unchecked Sendable {
    /// A message as the server holds it.
    public struct StoredMessage: Decodable, Hashable, Sendable {
        public var uid: Int64
        public var flags: [String]
        public var subject: String

        public var isSeen: Bool { flags.contains("\\Seen") }
    }

    public let username: String
    public let password: String
    /// The server's directory: its configuration, log, certificate and the user's Maildir.
    public let directory: URL
    /// The self-signed certificate the server presents, to trust as a CA file.
    public var certificate: URL { directory.appendingPathComponent("cert.pem") }
    public private(set) var imapsPort = 0
    public private(set) var imapPort = 0
    private let process = Process()

    private static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Scripts/imap_server.py").path

    private static var python: String {
        ProcessInfo.processInfo.environment["RHYTHM_TEST_PYTHON"] ?? "/usr/bin/python3"
    }

    /// Starts Dovecot and waits until both listeners accept connections.
    public init(username: String = "organiser", password: String = "imap-secret-password") throws {
        self.username = username
        self.password = password
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("rhythm-imap-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        process.executableURL = URL(fileURLWithPath: Self.python)
        process.arguments = [Self.script, "serve", directory.path, username, password]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()

        struct Ports: Decodable {
            var imaps: Int
            var imap: Int
        }
        let portsFile = directory.appendingPathComponent("ports.json")
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline, process.isRunning {
            if let data = try? Data(contentsOf: portsFile),
                let ports = try? JSONDecoder().decode(Ports.self, from: data)
            {
                imapsPort = ports.imaps
                imapPort = ports.imap
                return
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        stop()
        let log = (try? String(contentsOf: directory.appendingPathComponent("dovecot.log"), encoding: .utf8)) ?? ""
        throw IMAPTestServerError(message: "Dovecot did not start in \(directory.path): \(log.suffix(2000))")
    }

    /// `imaps://127.0.0.1:port` (TLS from the start) or `imap://127.0.0.1:port` (STARTTLS).
    public func serverURL(startTLS: Bool = false) -> String {
        startTLS ? "imap://127.0.0.1:\(imapPort)" : "imaps://127.0.0.1:\(imapsPort)"
    }

    /// Delivers `message` unseen into `folder` and returns its UID.
    @discardableResult
    public func deliver(_ message: String, to folder: String = "INBOX") throws -> Int64 {
        let file = directory.appendingPathComponent("delivery-\(UUID().uuidString).eml")
        try Data(message.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let output = try helper(["deliver", directory.path, file.path, folder])
        guard let uid = Int64(output.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw IMAPTestServerError(message: "the delivery printed no UID: \(output)")
        }
        return uid
    }

    /// Every folder of the user's mailbox with its messages, by folder name (`/` separates levels).
    public func folders() throws -> [String: [StoredMessage]] {
        let output = try helper(["inspect", directory.path])
        return try JSONDecoder().decode([String: [StoredMessage]].self, from: Data(output.utf8))
    }

    /// Gives INBOX a new UIDVALIDITY, as a server does after its index was rebuilt.
    public func renumber(uidValidity: Int64) throws {
        _ = try helper(["renumber", directory.path, String(uidValidity)])
    }

    /// Stops Dovecot: SIGTERM, then SIGKILL after five seconds (Dovecot dies with the script,
    /// and the script with the test process).
    public func stop() {
        guard process.isRunning else { return }
        process.terminate()
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    /// Waits (at most 20 seconds) until Dovecot has stopped listening.
    public func waitUntilStopped() throws {
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline, Self.accepts(port: imapsPort) {
            Thread.sleep(forTimeInterval: 0.1)
        }
        guard !Self.accepts(port: imapsPort) else {
            throw IMAPTestServerError(message: "Dovecot still listens on \(imapsPort)")
        }
    }

    private static func accepts(port: Int) -> Bool {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        return result == 0
    }

    deinit { stop() }

    private func helper(_ arguments: [String]) throws -> String {
        let child = Process()
        child.executableURL = URL(fileURLWithPath: Self.python)
        child.arguments = [Self.script] + arguments
        let output = Pipe()
        let errors = Pipe()
        child.standardOutput = output
        child.standardError = errors
        try child.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        child.waitUntilExit()
        guard child.terminationStatus == 0 else {
            throw IMAPTestServerError(
                message: "imap_server.py \(arguments[0]) failed: \(String(decoding: errorData, as: UTF8.self))")
        }
        return String(decoding: data, as: UTF8.self)
    }
}

public struct IMAPTestServerError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}
