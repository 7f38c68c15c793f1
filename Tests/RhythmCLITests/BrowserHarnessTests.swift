import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif
#if canImport(Glibc)
    import Glibc
#endif

/// The browser harness itself, on a form page served from a temporary directory by Python's
/// `http.server` on 127.0.0.1: every kind of step does what a person would, axe-core really
/// runs, and a step that cannot be done stops the run with a message that helps.
@Suite struct BrowserHarnessTests {
    /// A page with every kind of field the answer pages use, and one deliberate barrier (an
    /// image without alternative text) for axe-core to find.
    static let form = """
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><title>Leadership Table, 9 March 2027</title></head>
        <body><main>
        <h1>Leadership Table</h1>
        <form action="received.html" method="get">
        <fieldset><legend>Will you be there?</legend>
        <label><input type="radio" name="answer" value="attending"> I'll be there</label>
        <label><input type="radio" name="answer" value="apologies"> Send apologies</label>
        </fieldset>
        <label for="note">Note (optional)</label> <textarea id="note" name="note"></textarea>
        <label for="delegate">Who comes instead</label>
        <select id="delegate" name="delegate"><option value="">Nobody</option><option value="priya-natarajan">Priya Natarajan</option></select>
        <label for="due">New due date</label> <input type="date" id="due" name="due">
        <button type="submit">Send</button>
        </form>
        <img src="logo.png">
        </main></body>
        </html>
        """

    /// A running `python3 -m http.server` on 127.0.0.1 serving `directory`.
    final class StaticServer {
        let base: String
        private let process = Process()

        init(directory: URL) async throws {
            let port = LoopbackPort.free()
            base = "http://127.0.0.1:\(port)"
            process.executableURL = URL(
                fileURLWithPath: ProcessInfo.processInfo.environment["RHYTHM_TEST_PYTHON"] ?? "/usr/bin/python3")
            process.arguments = ["-m", "http.server", "--bind", "127.0.0.1", "--directory", directory.path, "\(port)"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            var request = URLRequest(url: URL(string: base + "/")!)
            request.timeoutInterval = 2
            for _ in 0..<100 {
                if let (_, response) = try? await URLSession.shared.data(for: request),
                    (response as? HTTPURLResponse)?.statusCode == 200
                {
                    return
                }
                try await Task.sleep(for: .milliseconds(100))
            }
            stop()
            throw Browser.Failure(description: "python3 -m http.server did not answer on \(base) within 10 seconds")
        }

        /// Kills the server: started from a test's thread, it inherits a signal mask that
        /// blocks SIGTERM.
        func stop() {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }

        /// A test that ends early leaves no server behind to hold the test runner's output open.
        deinit {
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }
    }

    static func serveForm() async throws -> StaticServer {
        let directory = try RhythmProcess.temporaryDirectory()
        try form.write(to: directory.appendingPathComponent("form.html"), atomically: true, encoding: .utf8)
        try
            "<!DOCTYPE html><html lang=\"en\"><head><title>Received</title></head><body><h1>Thank you</h1></body></html>"
            .write(to: directory.appendingPathComponent("received.html"), atomically: true, encoding: .utf8)
        return try await StaticServer(directory: directory)
    }

    @Test(
        "fills a field, chooses a radio button and an option, sets a date and clicks a button, each by what a person reads"
    )
    func answersAForm() async throws {
        let server = try await Self.serveForm()
        defer { server.stop() }
        let browser = try Browser()
        defer { browser.close() }

        let form = try browser.run([
            .window(width: 390, height: 844), .open(server.base + "/form.html"), .axe,
        ])
        #expect(form.viewport == Browser.Result.Size(width: 390, height: 844))
        #expect(form.title == "Leadership Table, 9 March 2027")
        // axe-core runs for real: it finds the image without alternative text, and only that.
        #expect(form.violations.filter(\.isSeriousOrWorse).map(\.id) == ["image-alt"], "\(form.violations)")

        let sent = try browser.run([
            .choose("Send apologies", within: "Will you be there?"),
            .fill(label: "Note (optional)", text: "On leave, sorry"),
            .choose("Priya Natarajan", in: "Who comes instead"),
            .fill(label: "New due date", text: "2027-03-01"),
            .click("Send"),
            .text,
        ])
        #expect(sent.title == "Received")
        #expect(sent.text == "Thank you")
        // The form went off with what was chosen, as the browser encodes a form.
        #expect(
            URLComponents(string: sent.url)?.percentEncodedQuery
                == "answer=apologies&note=On+leave%2C+sorry&delegate=priya-natarajan&due=2027-03-01")
    }

    @Test("a step that cannot be done stops the run, naming the step, what the page has and what it shows")
    func failingStepsExplainThemselves() async throws {
        let server = try await Self.serveForm()
        defer { server.stop() }
        let browser = try Browser()
        defer { browser.close() }

        let missingButton = #expect(throws: Browser.Failure.self) {
            try browser.run([.open(server.base + "/form.html"), .click("Submit")])
        }
        let message = missingButton?.description ?? ""
        #expect(message.contains(#"step 2 {"click": "Submit"}: no buttons or links read "Submit""#), "\(message)")
        #expect(message.contains(#"the page has: "Send""#), "\(message)")
        #expect(message.contains("shows: Leadership Table Will you be there?"), "\(message)")

        let missingOption = #expect(throws: Browser.Failure.self) {
            try browser.run([.choose("Amara Okafor", in: "Who comes instead")])
        }
        #expect(
            missingOption?.description.contains(
                #"the list "Who comes instead" has no option "Amara Okafor" (it has: "Nobody", "Priya Natarajan")"#)
                == true, "\(missingOption?.description ?? "")")

        // Nothing but loopback: the harness refuses to open any other address.
        let elsewhere = #expect(throws: Browser.Failure.self) {
            try browser.run([.open("https://example.org/")])
        }
        #expect(elsewhere?.description.contains("is not on 127.0.0.1, localhost or [::1]") == true)
        // The browser is still usable after failed steps.
        #expect(try browser.run([.open(server.base + "/received.html"), .text]).text == "Thank you")
    }
}
