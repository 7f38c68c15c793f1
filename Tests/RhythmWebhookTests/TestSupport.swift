import Foundation
import Logging
import NIOPosix
import RhythmCore
import RhythmDelivery

/// Shared fixtures and helpers for the webhook tests.
enum TestSupport {
    /// This test target's folder, for fixtures and scripts.
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let fixtures = directory.appendingPathComponent("Fixtures")
    static let receiverScript = directory.appendingPathComponent("Scripts/webhook_receiver.py")

    /// The Python interpreter: `$RHYTHM_TEST_PYTHON`, else /usr/bin/python3.
    static var python: String { ProcessInfo.processInfo.environment["RHYTHM_TEST_PYTHON"] ?? "/usr/bin/python3" }

    /// A reminder whose every piece tries to break the markup it lands in.
    static let hostileMessage = ChatMessage(
        title: "Q3 review <b>&</b> *budget* @everyone <!channel> [x](https://evil.example)",
        lines: [
            "Bring the _draft_ & the `numbers` > last time's",
            "Quote: \"done\" \\ # not a heading <users/all> @channel",
        ],
        meetingStart: Date(timeIntervalSince1970: 1_796_130_000),  // 2026-12-01T13:00:00Z
        timeZone: TimeZone(identifier: "Europe/Berlin")!,
        link: URL(string: "https://rhythm.example.org/agenda/q3?x=1&y=2")!,
        linkLabel: "Agenda <here>",
        mentions: [
            ChatHandles(
                slack: "U0123ABC", teams: "ana@example.org", mattermost: "ana.lopez", discord: "123456789012345678",
                googleChat: "1112223334445556667"),
            ChatHandles(
                slack: "U1><!channel", teams: "x</at><at>all", mattermost: "all everyone", discord: "@everyone",
                googleChat: "all>"),
        ]
    )

    /// A curl transport on its own thread pool for one test; both are shut down however `body` ends.
    static func withTransport<T>(
        threads: Int = 2,
        logger: Logger = Logger(label: "rhythm.webhook-tests"),
        _ body: (CurlTransport) async throws -> T
    ) async throws -> T {
        let pool = NIOThreadPool(numberOfThreads: threads)
        pool.start()
        let transport = CurlTransport(threadPool: pool, logger: logger)
        let result: Result<T, any Error>
        do {
            result = .success(try await body(transport))
        } catch {
            result = .failure(error)
        }
        transport.shutdown()
        try await pool.shutdownGracefully()
        return try result.get()
    }

    /// Runs a program to completion with `input` on standard input.
    static func run(_ executable: String, _ arguments: [String], input: Data = Data()) throws -> (
        status: Int32, output: String
    ) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()
        stdin.fileHandleForWriting.write(input)
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }
}
