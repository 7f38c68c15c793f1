import ArgumentParser
import RhythmStore
import Testing

@testable import RhythmCLI

/// `rhythm feed` argument checks that need no process, configuration or database.
@Suite struct FeedCommandParsingTests {
    @Test(
        "malformed subjects, addresses and contradictory revocations are refused before anything runs",
        arguments: [
            (["feed", "rotate", "brightwater-council"], "SUBJECT must be partner:ID, person:ID or group:ID"),
            (["feed", "rotate", "team:x"], "found \"team:x\""),
            (["feed", "rotate", "group:backbone", "--base-url", "ftp://x.org"], "--base-url expects"),
            (["feed", "rotate", "group:backbone", "--base-url", "rhythm.example.org"], "--base-url expects"),
            (["feed", "revoke"], "Name a token by its public id"),
            (["feed", "revoke", "k7qm2xw9ta", "--subject", "group:backbone"], "not both"),
            (["feed", "revoke", "--subject", "backbone"], "--subject must be"),
            (["feed", "list", "--format", "yaml"], "yaml"),
        ]
    )
    func refused(arguments: [String], message: String) {
        #expect {
            _ = try RhythmCommand.parseAsRoot(arguments)
        } throws: { error in
            RhythmCommand.message(for: error).contains(message)
        }
    }

    @Test("the database path comes from --database, then RHYTHM_DATABASE, then /var/lib/rhythm")
    func databasePath() throws {
        let explicit = try #require(
            try RhythmCommand.parseAsRoot(["feed", "list", "--database", "a.sqlite"]) as? FeedCommand.List)
        #expect(explicit.options.store.database == "a.sqlite")
        let implicit = try #require(try RhythmCommand.parseAsRoot(["feed", "list"]) as? FeedCommand.List)
        #expect(implicit.options.store.database == nil)
        #expect(AppDatabase.defaultPath == "/var/lib/rhythm/rhythm.sqlite")
    }

    @Test("feed URLs join the base and the token with exactly one slash")
    func feedURL() {
        #expect(FeedURL.text(base: "https://x.org", token: "t") == "https://x.org/feeds/t.ics")
        #expect(FeedURL.text(base: "https://x.org/rhythm//", token: "t") == "https://x.org/rhythm/feeds/t.ics")
    }

    @Test("a token that begins with a dash, as one in 64 does, is read as the token")
    func tokenWithLeadingDash() throws {
        let token = "-" + String(repeating: "A", count: 42)
        let command = try #require(try RhythmCommand.parseAsRoot(["ics", "--token", token]) as? IcsCommand)
        #expect(command.token == token)
    }
}
