import Foundation
import Testing

/// A loopback server from `Scripts/`, run with Debian's Python for one test.
///
/// The script writes its port to a file once it listens; `stop()` ends it. Each test gets its
/// own server, directory and port, so tests run in parallel.
final class ScriptServer: @unchecked Sendable {
    let process = Process()
    let directory: URL
    private(set) var port = 0

    static var python: String {
        ProcessInfo.processInfo.environment["RHYTHM_TEST_PYTHON"] ?? "/usr/bin/python3"
    }

    static func script(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Scripts").appendingPathComponent(name).path
    }

    /// Starts `script` with the port file as first argument followed by `arguments`.
    init(script: String, arguments: [String] = [], directory: URL? = nil) throws {
        self.directory = try directory ?? TemporaryDirectory.make()
        let portFile = self.directory.appendingPathComponent("port")
        process.executableURL = URL(fileURLWithPath: Self.python)
        process.arguments = [Self.script(script), portFile.path] + arguments
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(15)
        while Date() < deadline {
            if let text = try? String(contentsOf: portFile, encoding: .utf8), let port = Int(text) {
                self.port = port
                return
            }
            guard process.isRunning else { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        stop()
        throw ScriptServerError(message: "\(script) did not start")
    }

    /// Sends SIGKILL without waiting: Foundation reaps the child on its own thread.
    func stop() {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
        }
    }

    deinit { stop() }
}

struct ScriptServerError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

enum TemporaryDirectory {
    static func make() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("rhythm-delivery-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
