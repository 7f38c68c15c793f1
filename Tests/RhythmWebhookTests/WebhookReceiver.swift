import Foundation

/// `Scripts/webhook_receiver.py serve` on 127.0.0.1 for one test: an HTTP receiver written
/// independently of the Swift code, which records every request it gets.
///
/// Start it with ``run(secret:_:)``, which stops it however the body ends, so each test has its
/// own process, port and record file.
final class WebhookReceiver: @unchecked Sendable {
    /// One request as the receiver saw it.
    struct Record: Decodable, Sendable {
        /// The request target, query included, such as `/ok?token=...`.
        var path: String
        /// Header names in lower case.
        var headers: [String: String]
        /// The body, decoded as UTF-8.
        var body: String
        /// Whether the Standard Webhooks signature verified; nil when none was sent.
        var verified: Bool?

        /// The path without its query: what the receiver routes on.
        var route: String { String(path.prefix { $0 != "?" }) }
    }

    let port: Int
    private let process: Process
    private let directory: URL
    private let recordFile: URL

    private init(process: Process, port: Int, directory: URL, recordFile: URL) {
        self.process = process
        self.port = port
        self.directory = directory
        self.recordFile = recordFile
    }

    /// `http://127.0.0.1:<port>` followed by `path`.
    func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    /// Every request received so far, in order. The receiver writes a record before it
    /// answers, so a request the sender has finished with is always here.
    func records() throws -> [Record] {
        guard let data = FileManager.default.contents(atPath: recordFile.path) else { return [] }
        let decoder = JSONDecoder()
        return try data.split(separator: UInt8(ascii: "\n")).map { try decoder.decode(Record.self, from: Data($0)) }
    }

    /// Starts a receiver that verifies signatures with `secret`, runs `body`, then stops it.
    static func run<T>(secret: String, _ body: (WebhookReceiver) async throws -> T) async throws -> T {
        let receiver = try await start(secret: secret)
        defer { receiver.stop() }
        return try await body(receiver)
    }

    private static func start(secret: String) async throws -> WebhookReceiver {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("rhythm-webhooks-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let recordFile = directory.appendingPathComponent("requests.jsonl")
        let process = Process()
        let output = Pipe()
        process.executableURL = URL(fileURLWithPath: TestSupport.python)
        process.arguments = [TestSupport.receiverScript.path, "serve", secret, recordFile.path]
        process.standardOutput = output
        do {
            try process.run()
            let port = try await readPort(from: output.fileHandleForReading, of: process)
            return WebhookReceiver(process: process, port: port, directory: directory, recordFile: recordFile)
        } catch {
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            try? FileManager.default.removeItem(at: directory)
            throw error
        }
    }

    /// Reads the line with the port, waiting at most 15 s without blocking a task thread.
    private static func readPort(from handle: FileHandle, of process: Process) async throws -> Int {
        let deadline = ContinuousClock.now + .seconds(15)
        var line = Data()
        while ContinuousClock.now < deadline {
            var descriptor = pollfd(fd: handle.fileDescriptor, events: Int16(POLLIN), revents: 0)
            if poll(&descriptor, 1, 0) > 0 {
                let chunk = handle.availableData
                guard !chunk.isEmpty else { break }  // End of file: the script exited.
                line.append(chunk)
                if let end = line.firstIndex(of: UInt8(ascii: "\n")) {
                    let text = String(decoding: line[..<end], as: UTF8.self)
                    guard let port = Int(text.trimmingCharacters(in: .whitespaces)) else { break }
                    return port
                }
            } else if !process.isRunning {
                break
            } else {
                try await Task.sleep(for: .milliseconds(20))
            }
        }
        throw WebhookReceiverError(message: "webhook_receiver.py did not report a port")
    }

    /// Sends SIGKILL without waiting (Foundation reaps the child) and removes the record file.
    private func stop() {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        try? FileManager.default.removeItem(at: directory)
    }
}

/// The receiver script could not be started.
struct WebhookReceiverError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
