import ArgumentParser
import RhythmAgenda
import Testing

@testable import RhythmCLI

/// `rhythm agenda show`, `list`, `update`, `move` and `rhythm indicator list` argument
/// checks, with no process.
@Suite struct AgendaCommandParsingTests {
    @Test("move takes an item and where it goes: a place, a meeting, or both")
    func moveParses() throws {
        let command = try AgendaMoveCommand.parse(["#12", "--to-date", "2027-05-11", "--before", "9"])
        #expect(command.id.value == 12)
        #expect(command.before?.value == 9)
        #expect(command.toDate == "2027-05-11")
        #expect(try AgendaMoveCommand.parse(["12", "--to-next"]).toNext)
        #expect(try AgendaMoveCommand.parse(["12", "--position", "1"]).position == 1)
    }

    @Test(
        "agenda commands refuse contradictory, missing or malformed options, naming them",
        arguments: [
            (AgendaMoveCommand.self as any ParsableCommand.Type, ["12"], "Say where the item goes"),
            (AgendaMoveCommand.self, ["12", "--position", "1", "--after", "3"], "Give one of --position"),
            (AgendaMoveCommand.self, ["12", "--to-date", "2027-05-11", "--to-next"], "either --to-date or --to-next"),
            (AgendaMoveCommand.self, ["12", "--position", "0"], "--position counts from 1"),
            (AgendaMoveCommand.self, ["12", "--to-date", "May"], "--to-date expects a date"),
            (AgendaMoveCommand.self, ["twelve", "--to-next"], "twelve"),
            (AgendaListCommand.self, ["x", "2027-04-13", "--next"], "either DATE or --next"),
            (AgendaListCommand.self, ["x", "13/04/2027"], "DATE expects a date"),
            (AgendaUpdateCommand.self, ["12"], "Name something to change"),
            (AgendaUpdateCommand.self, ["12", "--minutes", "481"], "--minutes: Must be from 1 to 480"),
            (AgendaUpdateCommand.self, ["12", "--notes", String(repeating: "n", count: 10_001)], "--notes: The notes"),
        ])
    func agendaWorkRefused(command: any ParsableCommand.Type, arguments: [String], message: String) {
        #expect {
            _ = try command.parseAsRoot(arguments)
        } throws: { error in
            command.message(for: error).contains(message)
        }
    }

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
