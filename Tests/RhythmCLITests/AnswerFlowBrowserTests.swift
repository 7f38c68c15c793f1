import Foundation
import RhythmStore
import Testing

/// Issue 11's loop closed in a real browser: a partner answers the links of the reminders
/// Rhythm sent, and the agenda, the scorecard, the action, the outbox and the audit trail
/// show exactly what they answered; every kind of answer page passes axe-core.
@Suite("answering in a real browser", .serialized, .timeLimit(.minutes(5)))
struct AnswerFlowBrowserTests {
    static let actor = "person:ann (link)"

    @Test(
        "apologies, an action done, an indicator value (mistyped, undone, sent again) and an agenda item, answered from the Maildir's links, show everywhere"
    )
    func wholeLoop() async throws {
        let flow = try await AnswerFlow()
        defer { _ = flow.server.stop() }
        let apologies = try flow.link("Send apologies", for: "ann")
        let done = try flow.link("Done", for: "ann")
        let addItem = try flow.link("Add an item to the agenda", for: "ann")
        let page = try flow.link("Your page", for: "ann")
        let valueLabel = try #require(flow.messages.lazy.compactMap { $0.label(startingWith: "Enter the ") }.first)
        let enterValue = try flow.link(valueLabel, for: "ann")
        let period = String(valueLabel.dropFirst("Enter the ".count).dropLast(" value".count))

        let screenshots = try RhythmProcess.temporaryDirectory()
        print("Screenshots of the answer pages: \(screenshots.path)")
        let browser = try Browser()
        defer { browser.close() }
        var steps: [Browser.Step] = [.open(apologies)]
        for (name, width, height) in AgendaPageBrowserTests.sizes {
            steps += [.window(width: width, height: height), .screenshot(shot("apologies", name, in: screenshots))]
        }
        let answered = try await browser.runOffPool(
            steps + [
                .fill(label: "Note (optional)", text: "At the dentist; notes to follow"), .click("Send my answer"),
                .text,
            ])
        #expect(answered.text.contains("Thank you"), "\(answered.text)")
        #expect(answered.pageSize?.width == 1280)

        let closed = try await browser.runOffPool([.open(done), .click("Update the action"), .text])
        #expect(closed.text.contains("Thank you"), "\(closed.text)")

        let field = "Value for \(period) (%)"
        let mistyped = try await browser.runOffPool([
            .open(enterValue), .fill(label: field, text: "935"), .click("Record the value"), .text,
        ])
        #expect(mistyped.text.contains("935"), "\(mistyped.text)")
        let undone = try await browser.runOffPool([.click("Undo"), .text])
        #expect(undone.text.contains("Undone"), "\(undone.text)")
        let recorded = try await browser.runOffPool([
            .open(enterValue), .fill(label: field, text: "93.5"), .click("Record the value"), .text,
        ])
        #expect(recorded.text.contains("93.5"), "\(recorded.text)")

        let added = try await browser.runOffPool([
            .open(addItem), .fill(label: "Title of the item", text: "Attendance MOU sign-off"),
            .fill(label: "Minutes it needs (optional)", text: "15"), .click("Add to the agenda"), .text,
        ])
        #expect(added.text.contains("Attendance MOU sign-off"), "\(added.text)")

        steps = [.open(page)]
        for (name, width, height) in AgendaPageBrowserTests.sizes {
            steps += [.window(width: width, height: height), .screenshot(shot("personal-page", name, in: screenshots))]
            let personal = try await browser.runOffPool(steps + [.text])
            steps = []
            // Nothing wider than the screen at either size.
            #expect(personal.pageSize?.width == width, "\(name): \(String(describing: personal.pageSize))")
            #expect(personal.text.contains("Attendance MOU sign-off"), "\(personal.text)")
            #expect(!personal.text.contains("Send the minutes"), "a done action is no longer open: \(personal.text)")
        }

        try checkEverywhere(flow, period: period)
        try await checkOutbox(flow)
    }

    @Test("every kind of answer page, the result with Undo, the personal page and the dead-link page pass axe-core")
    func accessibility() async throws {
        let flow = try await AnswerFlow()
        defer { _ = flow.server.stop() }
        let valueLabel = try #require(flow.messages.lazy.compactMap { $0.label(startingWith: "Enter the ") }.first)
        let pages: [(name: String, steps: [Browser.Step])] = [
            ("attendance", [.open(try flow.link("I'll be there", for: "bob"))]),
            ("agenda item", [.open(try flow.link("Add an item to the agenda", for: "bob"))]),
            ("action", [.open(try flow.link("Blocked", for: "ann"))]),
            ("action due-date change", [.open(try flow.link("Change the due date", for: "ann"))]),
            ("indicator", [.open(try flow.link(valueLabel, for: "ann"))]),
            ("opt-out", [.open(try flow.link("Stop reminders like this", for: "bob"))]),
            (
                "result with Undo",
                [.open(try flow.link("I'll be there", for: "bob")), .click("Send my answer")]
            ),
            ("personal", [.open(try flow.link("Your page", for: "bob"))]),
            ("link does not work", [.open(flow.server.base + "/a/" + String(repeating: "A", count: 43))]),
        ]
        let browser = try Browser()
        defer { browser.close() }
        for (name, steps) in pages {
            let checked = try await browser.runOffPool(steps + [.text, .axe])
            let serious = checked.violations.filter(\.isSeriousOrWorse)
            #expect(serious.isEmpty, "\(name): \(serious)")
            #expect(!checked.text.isEmpty, "\(name) shows nothing")
            #expect(name != "result with Undo" || checked.text.contains("Undo"), "\(checked.text)")
            print(
                "axe-core on the \(name) page (\(checked.title)): \(checked.violations.isEmpty ? "no violations" : "\(checked.violations)")"
            )
        }
    }

    /// The agenda, the scorecard, the action and the audit trail after the browser session.
    private func checkEverywhere(_ flow: AnswerFlow, period: String) throws {
        let agenda = try flow.rhythm(["agenda", "show", "check-in", "--next", "--format", "text"])
        #expect(agenda.status == 0, "\(agenda.standardError)")
        #expect(agenda.standardOutput.contains("Attendance MOU sign-off"), "\(agenda.standardOutput)")
        #expect(agenda.standardOutput.contains("Ann Lee"), "\(agenda.standardOutput)")
        #expect(agenda.standardOutput.contains("At the dentist; notes to follow"), "\(agenda.standardOutput)")

        let scorecard = try flow.rhythm(["agenda", "show", "review", "--next", "--format", "text"])
        #expect(scorecard.status == 0, "\(scorecard.standardError)")
        #expect(scorecard.standardOutput.contains("93.5"), "\(scorecard.standardOutput)")
        #expect(!scorecard.standardOutput.contains("935"), "\(scorecard.standardOutput)")
        let indicators = try flow.rhythm(["indicator", "list", "--format", "json"])
        #expect(indicators.standardOutput.contains("93.5"), "\(indicators.standardOutput)")
        #expect(indicators.standardOutput.contains(period), "\(indicators.standardOutput)")

        let action = try flow.rhythm(["action", "show", "1"])
        #expect(action.status == 0, "\(action.standardError)")
        #expect(action.standardOutput.contains("done"), "\(action.standardOutput)")

        let store = try AppDatabase.open(path: flow.database)
        let byLink = try store.auditEntries(entity: nil, entityID: nil, limit: 100).reversed()
            .filter { $0.actor == Self.actor }.map { "\($0.entity) \($0.change)" }
        #expect(
            byLink == [
                "attendance created", "action updated", "indicator-result created", "indicator-result deleted",
                "indicator-result created", "agenda-item created",
            ])
        let others = try store.auditEntries(entity: nil, entityID: nil, limit: 100).filter { $0.actor != Self.actor }
        #expect(others.map { "\($0.entity) \($0.change)" } == ["action created"], "\(others.map(\.actor))")
        let audit = try flow.rhythm(["audit", "--limit", "50"])
        // The WHO column: the actor between the column gaps, not quoted in a field.
        #expect(
            audit.standardOutput.components(separatedBy: "  \(Self.actor)  ").count - 1 == 6, "\(audit.standardOutput)")
    }

    /// The nags still pending for the action are withdrawn once `rhythm serve`'s dispatcher,
    /// woken by the answer, plans again.
    private func checkOutbox(_ flow: AnswerFlow) async throws {
        func entries(_ status: String) throws -> [[String: Any]] {
            let listed = try flow.rhythm(["outbox", "list", "--status", status, "--format", "json"])
            let object = try JSONSerialization.jsonObject(with: Data(listed.standardOutput.utf8))
            return (object as? [[String: Any]]) ?? []
        }
        func nags(_ status: String) throws -> [[String: Any]] {
            try entries(status).filter { ($0["subject"] as? String)?.contains("Send the minutes") == true }
        }
        try await flow.server.eventually("the pending nags about the done action are withdrawn") {
            try nags("pending").isEmpty
        }
        #expect(try !nags("withdrawn").isEmpty)
        let listed = try flow.rhythm(["outbox", "list", "--status", "withdrawn"])
        #expect(listed.standardOutput.contains("Send the minutes"), "\(listed.standardOutput)")
    }

    private func shot(_ page: String, _ size: String, in directory: URL) -> String {
        directory.appendingPathComponent("\(page)-\(size).png").path
    }
}
