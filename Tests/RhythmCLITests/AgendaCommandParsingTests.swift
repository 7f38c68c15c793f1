import ArgumentParser
import RhythmAgenda
import Testing

@testable import RhythmCLI

/// `rhythm agenda show` and `rhythm indicator list` argument checks, with no process.
@Suite struct AgendaCommandParsingTests {
    @Test("show takes a series, a date or --next, a format and a template directory")
    func showParses() throws {
        let command = try AgendaShowCommand.parse([
            "leadership-table", "--date", "2027-04-13", "--format", "html", "--templates", "/tmp/t",
        ])
        #expect(command.seriesID == "leadership-table")
        #expect(command.date == "2027-04-13")
        #expect(command.format == .html)
        #expect(command.templates == "/tmp/t")
        #expect(try AgendaShowCommand.parse(["x", "--format", "md"]).format == .markdown)
        #expect(try AgendaShowCommand.parse(["x"]).format == .text)
    }

    @Test(
        "show refuses contradictory or malformed options",
        arguments: [
            (["x", "--date", "2027-04-13", "--next"], "either --date or --next"),
            (["x", "--date", "2027-02-30"], "--date expects a date"),
            (["x", "--format", "pdf"], "pdf"),
            ([], "series"),
        ])
    func showRefused(arguments: [String], message: String) {
        #expect {
            _ = try AgendaShowCommand.parse(arguments)
        } throws: { error in
            AgendaShowCommand.message(for: error).contains(message)
        }
    }

    @Test("list takes text or json")
    func listParses() throws {
        #expect(try IndicatorListCommand.parse(["--format", "json"]).format == .json)
        #expect(throws: (any Error).self) { try IndicatorListCommand.parse(["--format", "md"]) }
    }
}
