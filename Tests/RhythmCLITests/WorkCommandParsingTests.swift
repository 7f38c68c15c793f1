import ArgumentParser
import Testing

@testable import RhythmCLI

/// Argument checks of `action`, `agenda add`, `indicator record`, `audit` and `api-token`
/// that need no process, configuration or database.
@Suite struct WorkCommandParsingTests {
    @Test(
        "contradictory, missing and malformed arguments are refused before anything runs",
        arguments: [
            (["action", "add", "x", "--owner", "a", "--raised-on", "2027-02-17"], "--raised-on needs --series"),
            (["action", "add", "x", "--owner", "a", "--due", "2027-02-30"], "--due expects a date"),
            (["action", "add", " ", "--owner", "a"], "title must not be empty"),
            (["action", "list", "--all", "--status", "done"], "not both"),
            (["action", "list", "--status", "finished"], "--status expects one of"),
            (["action", "list", "--limit", "0"], "--limit must be at least 1"),
            (["action", "update", "12"], "Name something to change"),
            (["action", "update", "12", "--due", "soon"], "--due expects a date"),
            (["action", "show", "twelve"], "twelve"),
            (["agenda", "add", "s", "x"], "--date DATE or --next"),
            (["agenda", "add", "s", "x", "--next", "--date", "2027-03-09"], "not both"),
            (["agenda", "add", "s", "x", "--next", "--minutes", "0"], "--minutes: Must be from 1 to 480 minutes"),
            (["agenda", "add", "s", "x", "--next", "--minutes", "481"], "it is 481"),
            (["indicator", "record", "i", "--period", "2027-Q1", "--value", "lots"], "lots"),
            (["audit", "--entity", "meeting"], "meeting"),
            (["api-token", "create", "x", "--scope", "admin"], "admin"),
            (["api-token", "create", "x"], "--scope"),
        ]
    )
    func refused(arguments: [String], message: String) {
        #expect {
            _ = try RhythmCommand.parseAsRoot(arguments)
        } throws: { error in
            RhythmCommand.message(for: error).contains(message)
        }
    }

    @Test("action numbers are read with or without #")
    func actionID() {
        #expect(ActionID(argument: "#12")?.value == 12)
        #expect(ActionID(argument: "12")?.value == 12)
        #expect(ActionID(argument: "0") == nil)
        #expect(ActionID(argument: "#") == nil)
    }

    @Test("the actor is cli:<USER>, or cli without one")
    func actor() {
        #expect(WorkArguments.actor(environment: ["USER": "mei"]) == "cli:mei")
        #expect(WorkArguments.actor(environment: ["USER": ""]) == "cli")
        #expect(WorkArguments.actor(environment: [:]) == "cli")
    }

    @Test("agenda and indicator are groups the other commands can join")
    func groups() {
        #expect(AgendaCommand.configuration.subcommands.map { $0._commandName }.contains("add"))
        #expect(IndicatorCommand.configuration.subcommands.map { $0._commandName }.contains("record"))
    }
}
