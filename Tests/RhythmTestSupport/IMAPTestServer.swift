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

    /// Starts Dovecot and waits, without blocking a thread, until both listeners accept
    /// connections.
    public static func start(username: String = "organiser", password: String = "imap-secret-password")
        async throws -> IMAPTestServer
    {
        let server = try IMAPTestServer(username: username, password: password)
        try await server.waitUntilListening()
        return server
    }

    private init(username: String, password: String) throws {
        self.username = username
        self.password = password
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("rhythm-imap-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        process.executableURL = URL(fileURLWithPath: Self.python)
        process.arguments = [Self.script, "serve", directory.path, username, password]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
    }

    private func waitUntilListening() async throws {
        struct Ports: Decodable {
            var imaps: Int
            var imap: Int
        }
        let portsFile = directory.appendingPathComponent("ports.json")
        let deadline = Date().addingTimeInterval(120)
        while Date() < deadline, process.isRunning {
            if let data = try? Data(contentsOf: portsFile),
                let ports = try? JSONDecoder().decode(Ports.self, from: data)
            {
                imapsPort = ports.imaps
                imapPort = ports.imap
                return
            }
            try await Task.sleep(for: .milliseconds(50))
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
    public func deliver(_ message: String, to folder: String = "INBOX") async throws -> Int64 {
        let file = directory.appendingPathComponent("delivery-\(UUID().uuidString).eml")
        try Data(message.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let output = try await helper(["deliver", directory.path, file.path, folder])
        guard let uid = Int64(output.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw IMAPTestServerError(message: "the delivery printed no UID: \(output)")
        }
        return uid
    }

    /// Every folder of the user's mailbox with its messages, by folder name (`/` separates levels).
    public func folders() async throws -> [String: [StoredMessage]] {
        let output = try await helper(["inspect", directory.path])
        return try JSONDecoder().decode([String: [StoredMessage]].self, from: Data(output.utf8))
    }

    /// Gives INBOX a new UIDVALIDITY, as a server does after its index was rebuilt.
    public func renumber(uidValidity: Int64) async throws {
        _ = try await helper(["renumber", directory.path, String(uidValidity)])
    }

    /// Asks the script to stop Dovecot (SIGTERM) and returns at once; Dovecot finishes
    /// shutting down on its own.
    public func stop() {
        if process.isRunning { process.terminate() }
    }

    /// Stops Dovecot and waits (at most 20 seconds, without blocking a thread) until the
    /// script has seen it exit.
    public func stopAndWait() async throws {
        stop()
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline, process.isRunning {
            try await Task.sleep(for: .milliseconds(100))
        }
        guard !process.isRunning else {
            throw IMAPTestServerError(message: "Dovecot in \(directory.path) did not stop")
        }
    }

    deinit { stop() }

    /// Runs a command of the script on a thread of its own, so that waiting for it does not
    /// hold one of the threads concurrently running tests share.
    private func helper(_ arguments: [String]) async throws -> String {
        try await withCheckedThrowingContinuation { continuation in
            Thread {
                continuation.resume(with: Result { try Self.runHelper(arguments) })
            }.start()
        }
    }

    private static func runHelper(_ arguments: [String]) throws -> String {
        let child = Process()
        child.executableURL = URL(fileURLWithPath: python)
        child.arguments = [script] + arguments
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
