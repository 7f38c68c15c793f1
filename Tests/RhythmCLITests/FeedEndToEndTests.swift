import Foundation
import RhythmStore
import Testing

/// `rhythm feed` run as a person runs it, on the example configuration and a fresh database.
@Suite struct FeedEndToEndTests {
    let database: String

    init() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rhythm-feed-tests-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        database = directory.appendingPathComponent("rhythm.sqlite").path
    }

    func feed(_ arguments: [String], environment: [String: String] = [:]) throws -> RhythmProcess.Result {
        try RhythmProcess.run(
            ["feed"] + arguments + ["--config", RhythmProcess.exampleConfiguration, "--database", database],
            environment: environment)
    }

    /// The token in a URL `rotate` printed.
    func token(in url: String) throws -> String {
        let match = try #require(
            url.wholeMatch(of: /http:\/\/127\.0\.0\.1:8080\/feeds\/([A-Za-z0-9_-]{43})\.ics\n/),
            "unexpected output: \(url)")
        return String(match.1)
    }

    struct ListOutput: Decodable {
        struct Entry: Decodable {
            let publicId: String
            let subject: String
            let name: String?
            let inConfiguration: Bool
            let active: Bool
            let revokedAt: String?
        }
        let tokens: [Entry]
    }

    func list() throws -> [ListOutput.Entry] {
        let result = try feed(["list", "--format", "json"])
        #expect(result.status == 0, "\(result.standardError)")
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(ListOutput.self, from: Data(result.standardOutput.utf8)).tokens
    }

    @Test("rotate prints a working URL once; rotating again warns that the old URL stops working")
    func rotate() throws {
        let first = try feed(["rotate", "partner:brightwater-council"])
        #expect(first.status == 0, "\(first.standardError)")
        let firstToken = try token(in: first.standardOutput)
        #expect(first.standardError.contains("for Brightwater City Council (partner:brightwater-council)"))
        #expect(first.standardError.contains("shown only this once"))
        #expect(!first.standardError.contains("warning"))

        let second = try feed(["rotate", "partner:brightwater-council"])
        #expect(second.status == 0, "\(second.standardError)")
        let secondToken = try token(in: second.standardOutput)
        #expect(secondToken != firstToken)
        let tokens = try list()
        #expect(second.standardError.contains("warning: the old URL stops working now (\(tokens[0].publicId))"))

        let store = try AppDatabase.open(path: database)
        #expect(try store.feedSubject(forToken: firstToken, now: Date()) == nil)
        #expect(try store.feedSubject(forToken: secondToken, now: Date()) == .partner("brightwater-council"))
    }

    @Test("rotate builds the URL on --base-url")
    func baseURL() throws {
        let result = try feed(["rotate", "group:attendance-wg", "--base-url", "https://rhythm.example.org/"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.hasPrefix("https://rhythm.example.org/feeds/"))
        #expect(result.standardOutput.hasSuffix(".ics\n"))
    }

    @Test("rotate refuses a subject the configuration does not have, with a suggestion, and writes nothing")
    func rotateUnknownSubject() throws {
        let result = try feed(["rotate", "person:fiona-mcalister"])
        #expect(result.status == 64)
        #expect(
            result.standardError.contains("There is no person \"fiona-mcalister\"; did you mean \"fiona-mcallister\"?"))
        #expect(result.standardOutput.isEmpty)
        #expect(try list().isEmpty)
    }

    @Test("list shows id, subject, name and dates, and flags a subject gone from the configuration")
    func listText() throws {
        _ = try feed(["rotate", "group:transitions-wg"])
        let store = try AppDatabase.open(path: database)
        let orphan = try store.issueFeedToken(for: .partner("old-partner"), now: Date())
        let result = try feed(["list"])
        #expect(result.status == 0, "\(result.standardError)")
        let lines = result.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.first == "2 feed tokens in \(database), 2 active; times in Australia/Melbourne")
        #expect(lines.contains { $0.hasPrefix("ID ") && $0.contains("SUBJECT") && $0.contains("LAST USED") })
        #expect(lines.contains { $0.contains("group:transitions-wg") && $0.contains("Pathways to Work Working Group") })
        #expect(
            lines.contains {
                $0.hasPrefix(orphan.record.publicID) && $0.contains("partner:old-partner")
                    && $0.contains("(not in configuration)") && $0.contains("never")
            })
        #expect(result.standardError.contains("warning: partner:old-partner is no longer in the configuration"))
        #expect(!result.standardOutput.contains(orphan.token))
        let entries = try list()
        #expect(entries.map(\.subject).sorted() == ["group:transitions-wg", "partner:old-partner"])
        #expect(entries.first { $0.subject == "partner:old-partner" }?.inConfiguration == false)
        #expect(entries.first { $0.subject == "partner:old-partner" }?.name == nil)
    }

    @Test("list on a new database says there are no tokens")
    func listEmpty() throws {
        let result = try feed(["list"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.hasPrefix("No feed tokens in \(database)."))
    }

    @Test("revoke by public id stops that URL; revoking again changes nothing")
    func revokeByID() throws {
        let url = try feed(["rotate", "person:fiona-mcallister"]).standardOutput
        let publicID = try #require(try list().first?.publicId)
        let result = try RhythmProcess.run(["feed", "revoke", publicID, "--database", database])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("Revoked feed token \(publicID) (person:fiona-mcallister)"))
        #expect(try list().first?.active == false)
        let store = try AppDatabase.open(path: database)
        #expect(try store.feedSubject(forToken: token(in: url), now: Date()) == nil)
        let again = try RhythmProcess.run(["feed", "revoke", publicID, "--database", database])
        #expect(again.status == 0)
        #expect(again.standardOutput.contains("already revoked"))
    }

    @Test("revoke --subject stops all of the subject's URLs and only theirs")
    func revokeBySubject() throws {
        _ = try feed(["rotate", "partner:harbour-foundation"])
        _ = try feed(["rotate", "partner:kinfolk-health"])
        let result = try RhythmProcess.run(
            ["feed", "revoke", "--subject", "partner:harbour-foundation", "--database", database])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("Revoked 1 feed token of partner:harbour-foundation"))
        let active = try list().filter(\.active).map(\.subject)
        #expect(active == ["partner:kinfolk-health"])
        let misspelt = try RhythmProcess.run(
            ["feed", "revoke", "--subject", "partner:kinfolk-helth", "--database", database])
        #expect(misspelt.standardOutput.contains("no active feed token; nothing was changed"))
        #expect(misspelt.standardOutput.contains("did you mean \"partner:kinfolk-health\"?"))
    }

    @Test("revoke of an unknown public id suggests the nearest and exits 64")
    func revokeUnknown() throws {
        _ = try feed(["rotate", "group:backbone"])
        let publicID = try #require(try list().first?.publicId)
        let typo = String(publicID.dropLast()) + (publicID.last == "a" ? "b" : "a")
        let result = try RhythmProcess.run(["feed", "revoke", typo, "--database", database])
        #expect(result.status == 64)
        #expect(result.standardError.contains("did you mean \"\(publicID)\"?"))
    }

    @Test("the database comes from RHYTHM_DATABASE when --database is absent")
    func databaseFromEnvironment() throws {
        let result = try RhythmProcess.run(
            ["feed", "rotate", "group:leadership-table", "--config", RhythmProcess.exampleConfiguration],
            environment: ["RHYTHM_DATABASE": database])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(try list().map(\.subject) == ["group:leadership-table"])
    }

    @Test("a missing state directory is named with how to fix it, and exits 74")
    func missingDirectory() throws {
        let result = try RhythmProcess.run([
            "feed", "list", "--config", RhythmProcess.exampleConfiguration, "--database", "/nonexistent/rhythm.sqlite",
        ])
        #expect(result.status == 74)
        #expect(result.standardError.contains("the directory /nonexistent does not exist; create it"))
    }
}
