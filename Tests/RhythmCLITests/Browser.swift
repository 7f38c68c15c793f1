import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A real, headless chromium for tests that look at pages as a person does: Debian's
/// `chromium` driven by `chromium-driver` through `Scripts/browser.py` (python3-selenium),
/// with axe-core from the `axe-core-python` package that `deploy/setup.sh test` installs.
///
/// One browser serves every `run` until `close()`: start one per test file where the
/// tests allow it. Every wait is bounded: the script bounds start-up and each step, and
/// this side gives up (and kills the browser) when an answer does not come in time.
///
/// ```swift
/// let browser = try Browser()
/// defer { browser.close() }
/// let page = try await browser.runOffPool([.window(width: 390, height: 844), .open(url), .axe, .text])
/// ```
/// A test drives its browser from one task at a time, so the browser may move to the thread
/// that `runOffPool` starts.
final class Browser: @unchecked Sendable {
    /// One thing a person does or looks at in the browser.
    enum Step {
        /// Loads a page; only loopback addresses are allowed.
        case open(String)
        /// Makes the viewport (what the page sees as the window) this size.
        case window(width: Int, height: Int)
        /// Types `text` into the field whose label reads `label`.
        case fill(label: String, text: String, within: String? = nil)
        /// Selects the radio button or checkbox labelled `label`, or with `in`, picks the
        /// option `label` in the drop-down list labelled `in`.
        case choose(String, in: String? = nil, within: String? = nil)
        /// Clicks the button or link whose visible text is `text`, then waits for the page.
        case click(String, within: String? = nil)
        /// Reads the page's visible text into `Result.text`.
        case text
        /// Saves the whole page as a PNG at the absolute `path`.
        case screenshot(String)
        /// Runs axe-core on the page; its violations go into `Result.violations`.
        case axe

        /// The step as `Scripts/browser.py` reads it. `within` names a heading or legend: the
        /// step then looks only inside the form, fieldset, section or article it heads.
        var json: [String: Any] {
            switch self {
            case .open(let url): ["open": url]
            case .window(let width, let height): ["window": ["width": width, "height": height]]
            case .fill(let label, let text, let within): scoped(["fill": label, "text": text], within)
            case .choose(let label, let list, let within):
                scoped(list.map { ["choose": label, "in": $0] } ?? ["choose": label], within)
            case .click(let text, let within): scoped(["click": text], within)
            case .text: ["text": true]
            case .screenshot(let path): ["screenshot": path]
            case .axe: ["axe": true]
            }
        }

        private func scoped(_ step: [String: Any], _ within: String?) -> [String: Any] {
            guard let within else { return step }
            return step.merging(["within": within]) { _, new in new }
        }
    }

    /// One rule that axe-core found broken, with the elements that break it.
    struct Violation: Decodable, Sendable, CustomStringConvertible {
        struct Node: Decodable, Sendable {
            /// A CSS selector for the element.
            let target: String
            /// The element's opening HTML.
            let html: String
        }

        /// The axe-core rule, such as `color-contrast`.
        let id: String
        /// `minor`, `moderate`, `serious` or `critical`.
        let impact: String
        let help: String
        let nodes: [Node]

        var description: String {
            "\(id) (\(impact)): \(help), at " + nodes.map { "\($0.target) \($0.html)" }.joined(separator: "; ")
        }

        /// Whether axe-core rates it `serious` or `critical`: a barrier for some people.
        var isSeriousOrWorse: Bool { impact == "serious" || impact == "critical" }
    }

    /// What one `run` brought back.
    struct Result: Decodable, Sendable {
        struct Size: Decodable, Equatable, Sendable {
            let width: Int
            let height: Int
        }

        struct StepResult: Decodable, Sendable {
            let text: String?
            let violations: [Violation]?
            /// The file a screenshot went to, and the size of the whole page it shows.
            let path: String?
            let page: Size?
            let viewport: Size?
        }

        /// Where the browser was after the last step.
        let url: String
        let title: String
        let results: [StepResult]

        /// The text of the last `.text` step, or "" when there was none.
        var text: String { results.compactMap(\.text).last ?? "" }
        /// The violations of every `.axe` step.
        var violations: [Violation] { results.compactMap(\.violations).flatMap { $0 } }
        /// The files every `.screenshot` step wrote.
        var screenshots: [String] { results.compactMap(\.path) }
        /// The viewport the last `.window` step got.
        var viewport: Size? { results.compactMap(\.viewport).last }
        /// The size of the whole page at the last `.screenshot`: wider than the viewport
        /// means a person has to scroll sideways to read it.
        var pageSize: Size? { results.compactMap(\.page).last }
    }

    /// Why a browser could not start or a step failed, with what the page showed.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// The driver's bound for one step, and how long this side waits on top of it.
    private static let stepSeconds = 60
    private static let slackSeconds = 30

    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private var received: [UInt8] = []
    /// Where the driver's own diagnostics go (selenium's warnings), read when it fails.
    private let log: URL

    /// Starts chromium; throws when it is not there or does not come up within a minute.
    init() throws {
        let scripts = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Scripts")
        // deploy/setup.sh test names the tests' Python: Debian's with selenium, plus axe-core from PyPI.
        let python = ProcessInfo.processInfo.environment["RHYTHM_TEST_PYTHON"] ?? "/usr/bin/python3"
        log = try RhythmProcess.temporaryDirectory().appendingPathComponent("browser.log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [scripts.appendingPathComponent("browser.py").path]
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle(forWritingAtPath: log.path)
        try process.run()
        let ready = try answer(within: Self.stepSeconds, to: "starting chromium")
        guard ready["ready"] as? Bool == true else {
            close()
            throw Failure(description: "chromium did not start: \(ready["error"] ?? ready)")
        }
    }

    /// `run` on a thread of its own: a step may wait seconds for a page, and the few threads
    /// that every concurrently running test shares must not wait with it (live servers in
    /// other tests would time out).
    @discardableResult
    func runOffPool(_ steps: [Step]) async throws -> Result {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Swift.Result { try self.run(steps) }) }.start()
        }
    }

    /// Runs `steps` in order and returns what they read; throws at the first step that
    /// fails, naming it and what the page showed.
    @discardableResult
    func run(_ steps: [Step]) throws -> Result {
        // Writing to a driver that has ended would raise SIGPIPE and end the tests.
        guard process.isRunning else { throw Failure(description: "the browser is closed; \(diagnostics)") }
        let request = try JSONSerialization.data(withJSONObject: steps.map(\.json))
        try input.fileHandleForWriting.write(contentsOf: request + Data("\n".utf8))
        let seconds = Self.stepSeconds * steps.count + Self.slackSeconds
        let reply = try answer(within: seconds, to: "\(steps.count) steps")
        guard reply["ok"] as? Bool == true else {
            throw Failure(description: "\(reply["error"] ?? reply)")
        }
        return try JSONDecoder().decode(Result.self, from: JSONSerialization.data(withJSONObject: reply))
    }

    /// Closes the browser: the driver quits chromium when its input ends. Waits 15 seconds
    /// at most, then ends the driver with SIGTERM, which it also answers by closing chromium,
    /// and 15 more before SIGKILL.
    func close() {
        try? input.fileHandleForWriting.close()
        guard !exited(within: 15) else { return }
        process.terminate()
        guard !exited(within: 15) else { return }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    private func exited(within seconds: Int) -> Bool {
        for _ in 0..<(seconds * 10) where process.isRunning {
            usleep(100_000)
        }
        return !process.isRunning
    }

    /// Reads the driver's next JSON line, waiting `seconds` at most; on time-out the
    /// browser is closed and the error says what was being waited for.
    private func answer(within seconds: Int, to what: String) throws -> [String: Any] {
        let deadline = ContinuousClock.now + .seconds(seconds)
        let descriptor = output.fileHandleForReading.fileDescriptor
        while true {
            if let newline = received.firstIndex(of: UInt8(ascii: "\n")) {
                let line = Data(received[..<newline])
                received.removeSubrange(...newline)
                guard let object = try? JSONSerialization.jsonObject(with: line) as? [String: Any] else {
                    throw Failure(description: "the browser driver wrote \(String(decoding: line, as: UTF8.self))")
                }
                return object
            }
            let remaining = deadline - ContinuousClock.now
            guard remaining > .zero else {
                close()
                throw Failure(description: "the browser gave no answer to \(what) within \(seconds) s; \(diagnostics)")
            }
            var ready = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&ready, 1, Int32(min(remaining.components.seconds * 1000 + 1, 1000))) > 0 else { continue }
            var chunk = [UInt8](repeating: 0, count: 65536)
            let count = read(descriptor, &chunk, chunk.count)
            guard count > 0 else {
                close()
                throw Failure(description: "the browser driver ended while \(what); \(diagnostics)")
            }
            received += chunk[..<count]
        }
    }

    private var diagnostics: String {
        let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        return text.isEmpty ? "it wrote nothing else" : "it wrote: \(text.suffix(2000))"
    }
}
