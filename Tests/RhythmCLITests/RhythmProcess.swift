import Foundation

/// Runs the real `rhythm` binary that `swift build` put next to the test bundle.
struct RhythmProcess {
    struct Result {
        let status: Int32
        let standardOutput: String
        let standardError: String
    }

    /// The built executable: the test bundle lives in the same products directory.
    static var executable: URL {
        URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
            .appendingPathComponent("rhythm")
    }

    /// The repository's example configuration.
    static var exampleConfiguration: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("config/rhythm.yaml").path
    }

    /// Runs one of the test scripts in `Scripts/` with Debian's Python, which is where
    /// python3-icalendar and python3-recurring-ical-events are installed.
    static func runPython(script: String, arguments: [String]) throws -> Result {
        let scripts = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Scripts")
        // deploy/setup.sh test names the tests' Python; Debian's has the iCalendar packages too.
        let python = ProcessInfo.processInfo.environment["RHYTHM_TEST_PYTHON"] ?? "/usr/bin/python3"
        return try run(
            [scripts.appendingPathComponent(script).path] + arguments, executable: URL(fileURLWithPath: python))
    }

    static func run(_ arguments: [String], environment: [String: String] = [:], executable: URL = executable) throws
        -> Result
    {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var inherited = ProcessInfo.processInfo.environment
        inherited["RHYTHM_CONFIG"] = nil
        process.environment = inherited.merging(environment) { _, new in new }
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        // Read both pipes before waiting so a full pipe can never block the child.
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            standardOutput: String(decoding: outputData, as: UTF8.self),
            standardError: String(decoding: errorData, as: UTF8.self)
        )
    }

    /// `run` on a thread of its own, so that waiting for the process does not hold one of
    /// the few threads every concurrently running test shares.
    static func runOffPool(
        _ arguments: [String], environment: [String: String] = [:], executable: URL = executable
    ) async throws -> Result {
        try await withCheckedThrowingContinuation { continuation in
            Thread {
                continuation.resume(
                    with: Swift.Result { try run(arguments, environment: environment, executable: executable) })
            }.start()
        }
    }

    /// A new, empty directory for one test's files.
    static func temporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rhythm-tests-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    /// Writes `text` to a new file in a fresh temporary directory and returns its path.
    static func temporaryFile(named name: String, containing text: String) throws -> String {
        let file = try temporaryDirectory().appendingPathComponent(name)
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }
}
