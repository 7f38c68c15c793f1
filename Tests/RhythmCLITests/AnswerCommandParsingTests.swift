import ArgumentParser
import RhythmCore
import RhythmStore
import Testing

@testable import RhythmCLI

/// Argument checks of `link` and `attendance` that need no process, configuration or database.
@Suite struct AnswerCommandParsingTests {
    @Test(
        "contradictory, missing and malformed arguments are refused before anything runs",
        arguments: [
            (["link", "person"], "person-id"),
            (["link", "person", "ann", "--base-url", "ftp://example.org"], "--base-url expects an http or https"),
            (["link", "person", "ann", "--format", "yaml"], "yaml"),
            (["link", "revoke"], "Name a link by its public id, or a person with --person."),
            (["link", "revoke", "k7qm2xw9ta", "--person", "ann"], "not both"),
            (["attendance", "set", "s", "2027-02-30", "ann", "--response", "attending"], "DATE expects a date"),
            (["attendance", "set", "s", "2027-02-09", "ann"], "--response"),
            (["attendance", "set", "s", "2027-02-09", "ann", "--response", "atending"], #"did you mean "attending"?"#),
            (
                ["attendance", "set", "s", "2027-02-09", "ann", "--response", "attending", "--delegate", "bob"],
                "--delegate goes only with --response apologies"
            ),
            (["attendance", "list", "--date", "soon"], "--date expects a date"),
            (["attendance", "list", "--limit", "0"], "--limit must be at least 1"),
        ]
    )
    func refused(arguments: [String], message: String) {
        #expect {
            _ = try RhythmCommand.parseAsRoot(arguments)
        } throws: { error in
            RhythmCommand.message(for: error).contains(message)
        }
    }

    @Test("a response is read in any case, and apologies may name a colleague")
    func parsed() throws {
        let command = try RhythmCommand.parseAsRoot([
            "attendance", "set", "leadership-table", "2027-02-09", "amara-okafor", "--response", "Apologies",
            "--delegate", "daniel-rossi", "--note", "Away",
        ])
        let record = try #require(command as? AttendanceCommand.Record)
        #expect(try AttendanceCommand.response(record.response, for: "--response") == .apologies)
        #expect(record.delegate == "daniel-rossi")
        #expect(record.note == "Away")
    }

    @Test("link revoke takes a public id or a person")
    func revokeForms() throws {
        let byID = try #require(try RhythmCommand.parseAsRoot(["link", "revoke", "k7qm2xw9ta"]) as? LinkCommand.Revoke)
        #expect(byID.publicID == "k7qm2xw9ta")
        let byPerson = try #require(
            try RhythmCommand.parseAsRoot(["link", "revoke", "--person", "ann"]) as? LinkCommand.Revoke)
        #expect(byPerson.person == "ann")
    }

    @Test("audit --entity takes every kind of record the audit trail holds")
    func auditEntities() throws {
        #expect(AuditCommand.Entity.allCases.map(\.rawValue) == AuditEntry.entities)
        for entity in ["attendance", "reminder-opt-out"] {
            let command = try #require(try RhythmCommand.parseAsRoot(["audit", "--entity", entity]) as? AuditCommand)
            #expect(command.entity?.rawValue == entity)
        }
    }
}
