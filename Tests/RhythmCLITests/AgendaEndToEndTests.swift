import Foundation
import Testing

/// `rhythm agenda show` and `rhythm indicator list` on the example configuration, with data
/// recorded through `rhythm action add`, `rhythm agenda add` and `rhythm indicator record`
/// into a fresh database.
///
/// The meetings are in 2031 so that what is overdue does not depend on the day the tests
/// run: the action due in 2020 is overdue, every other one is not.
@Suite struct AgendaEndToEndTests {
    let database: String

    init() throws {
        database = try RhythmProcess.temporaryDirectory().appendingPathComponent("rhythm.sqlite").path
    }

    @discardableResult
    func rhythm(_ arguments: [String]) throws -> RhythmProcess.Result {
        let result = try RhythmProcess.run(
            arguments + ["--config", RhythmProcess.exampleConfiguration],
            environment: ["RHYTHM_DATABASE": database])
        return result
    }

    func succeed(_ arguments: [String]) throws -> String {
        let result = try rhythm(arguments)
        #expect(result.status == 0, "\(arguments): \(result.standardError)")
        return result.standardOutput
    }

    /// Records the data of the 11 March 2031 leadership table (following meeting: 8 April).
    func recordLeadershipData() throws {
        let actions: [[String]] = [
            [
                "Publish the Term 1 data", "--owner", "jordan-kelly", "--group", "leadership-table", "--due",
                "2031-03-20",
            ],
            [
                "Sign the data-sharing agreement", "--owner", "amara-okafor", "--group", "leadership-table", "--due",
                "2020-06-30",
            ],
            ["Confirm the council budget line", "--owner", "amara-okafor", "--due", "2031-04-01"],
            [
                "Draft the youth charter", "--owner", "amara-okafor", "--group", "leadership-table", "--due",
                "2031-03-14",
            ],
            ["Not for this meeting", "--owner", "amara-okafor", "--due", "2031-05-01"],
            ["Another group's action", "--owner", "sam-ibrahim", "--group", "attendance-wg", "--due", "2031-03-01"],
        ]
        for action in actions {
            _ = try succeed(["action", "add"] + action)
        }
        _ = try succeed([
            "agenda", "add", "leadership-table", "Budget decision", "--date", "2031-03-11", "--presenter",
            "amara-okafor", "--minutes", "30", "--notes", "Paper <attached> & circulated",
        ])
        _ = try succeed([
            "agenda", "add", "leadership-table", "Youth panel report", "--date", "2031-03-11", "--presenter",
            "kayla-thompson", "--minutes", "20",
        ])
    }

    /// The positions of `phrases` in `text`, each required to be there.
    func positions(of phrases: [String], in text: String) throws -> [String.Index] {
        try phrases.map { phrase in
            try #require(text.range(of: phrase), "\(phrase) is missing from:\n\(text)").lowerBound
        }
    }

    @Test("agenda show lists the submitted items and the actions in order, in every format")
    func leadershipAgenda() throws {
        try recordLeadershipData()
        let order = [
            "Budget decision", "Youth panel report",
            "Sign the data-sharing agreement",  // overdue first
            "Draft the youth charter", "Confirm the council budget line",  // Amara Okafor, by due date
            "Publish the Term 1 data",  // Jordan Kelly
        ]
        for format in ["text", "md", "html"] {
            let output = try succeed([
                "agenda", "show", "leadership-table", "--date", "2031-03-11", "--format", format,
            ])
            let found = try positions(of: order, in: output)
            #expect(found == found.sorted(), "\(format): out of order:\n\(output)")
            #expect(!output.contains("Not for this meeting"))
            #expect(!output.contains("Another group's action"))
            #expect(output.contains("10:30"), "the second item starts after the first's 30 minutes")
            #expect(output.contains("Tuesday 11 March 2031"))
            #expect(output.contains("+11:00"))
            #expect(output.contains("Welcome, Acknowledgement of Country and apologies"))
            if format == "html" {
                #expect(output.contains("Paper &lt;attached&gt; &amp; circulated"))
                #expect(output.hasPrefix("<!DOCTYPE html>"))
            } else {
                #expect(output.contains("Paper <attached> & circulated"))
            }
        }
    }

    @Test("the scorecard and indicator list show recorded values, trends and late data with owners")
    func scorecard() throws {
        // Values can only be recorded for periods that have begun, so this review is in the past.
        _ = try succeed(["indicator", "record", "school-attendance", "--period", "2025-Q4", "--value", "89"])
        _ = try succeed(["indicator", "record", "school-attendance", "--period", "2026-Q1", "--value", "91.5"])
        // The review on 28 May 2026 looks at 2026-Q1.
        let agenda = try succeed(["agenda", "show", "indicator-review", "--date", "2026-05-28", "--format", "md"])
        #expect(agenda.contains("- **2026-Q1:** 91.5% (target 92%, higher is better): **off track**"), "\(agenda)")
        #expect(agenda.contains("- **2025-Q4:** 89%; trend ↑ better"))
        #expect(agenda.contains("late: Daniel Rossi owes the 2026-Q1 value, due Thu 21 May 2026"), "\(agenda)")
        let list = try succeed(["indicator", "list"])
        #expect(
            list.contains(
                "latest 91.5% (2026-Q1); target 92%, higher is better; up, better than 2025-Q4 (89%); off track"),
            "\(list)")
        #expect(list.contains("disengaged-young-people"))
        let json = try succeed(["indicator", "list", "--format", "json"])
        #expect(json.contains("\"assessment\" : \"better\""), "\(json)")
        #expect(json.contains("\"on_track\" : false"))
    }

    @Test("a date with no meeting names the nearest meetings")
    func notAMeeting() throws {
        let result = try rhythm(["agenda", "show", "leadership-table", "--date", "2031-03-12"])
        #expect(result.status == 64)
        #expect(result.standardError.contains("leadership-table has no meeting on Wed 2031-03-12"))
        #expect(result.standardError.contains("The nearest are Tue 2031-03-11 and Tue 2031-04-08."))
    }

    @Test("a broken template stops the command with the file, the line and the tag")
    func brokenTemplate() throws {
        let directory = try RhythmProcess.temporaryDirectory()
        let file = directory.appendingPathComponent("agenda.txt.mustache")
        try "{{series.title}}\n{{#items}}\n  {{title}}\n{{/actions}}\n".write(
            to: file, atomically: true, encoding: .utf8)
        let result = try rhythm([
            "agenda", "show", "leadership-table", "--date", "2031-03-11", "--templates", directory.path,
        ])
        #expect(result.status == 78)
        #expect(result.standardOutput.isEmpty)
        #expect(
            result.standardError.contains(
                "\(file.path):4:1: error: The closing tag {{/actions}} does not match the open section {{#items}} of line 2."
            ), "\(result.standardError)")
    }
}
