import Foundation
import RhythmCore
import RhythmStore
import Testing

/// `rhythm link`, run as a person runs it, on the example configuration and a fresh database.
@Suite struct LinkEndToEndTests {
    let database: String

    init() throws {
        database = try RhythmProcess.temporaryDirectory().appendingPathComponent("rhythm.sqlite").path
    }

    func rhythm(_ arguments: [String]) throws -> RhythmProcess.Result {
        try RhythmProcess.run(
            arguments + ["--config", RhythmProcess.exampleConfiguration, "--database", database])
    }

    func succeed(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let result = try rhythm(arguments)
        #expect(result.status == 0, "\(arguments): \(result.standardError)", sourceLocation: sourceLocation)
        return result.standardOutput
    }

    /// Issues a page link with the command and returns its token.
    func issuePage(for person: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let output = try succeed(["link", "person", person], sourceLocation: sourceLocation)
        let match = try #require(
            output.wholeMatch(of: /http:\/\/127\.0\.0\.1:8080\/me\/([A-Za-z0-9_-]{43})\n/), "unexpected: \(output)",
            sourceLocation: sourceLocation)
        return String(match.1)
    }

    struct Listed: Decodable {
        struct Link: Decodable {
            let publicId: String
            let personId: String
            let personName: String?
            let purpose: String
            let subject: String?
            let active: Bool
            let expiresAt: String?
            let revokedAt: String?
        }
        let links: [Link]
    }

    func list(_ filters: [String] = []) throws -> (links: [Listed.Link], output: String) {
        let output = try succeed(["link", "list", "--format", "json"] + filters)
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return (try decoder.decode(Listed.self, from: Data(output.utf8)).links, output)
    }

    @Test("person prints a page URL, once, that works for personal_page (90 days) and acts for that person")
    func person() throws {
        let result = try rhythm(["link", "person", "amara-okafor"])
        #expect(result.standardError.contains("for Amara Okafor (amara-okafor): their page, working until"))
        #expect(result.standardError.contains("shown only this once"))
        let token = try issuePage(for: "amara-okafor")
        let link = try #require(try AppDatabase.open(path: database).answerLink(forToken: token, now: Date()))
        #expect(link.personID == "amara-okafor")
        #expect(link.subject == .page)
        let lifetime = try #require(link.expiresAt).timeIntervalSince(link.createdAt)
        #expect(abs(lifetime - 90 * 86_400) < 1)
    }

    @Test("person builds the URL on --base-url and prints JSON with --format json")
    func json() throws {
        let output = try succeed([
            "link", "person", "daniel-rossi", "--base-url", "https://rhythm.example.org/", "--format", "json",
        ])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        #expect((object["url"] as? String)?.hasPrefix("https://rhythm.example.org/me/") == true)
        #expect(object["person_id"] as? String == "daniel-rossi")
        #expect(object["purpose"] as? String == "page")
        #expect(object["expires_at"] is String)
    }

    @Test("person refuses someone the configuration does not have, with a suggestion, and issues nothing")
    func unknownPerson() throws {
        let result = try rhythm(["link", "person", "amara-okafr"])
        #expect(result.status == 64)
        #expect(result.standardError.contains(#"There is no person "amara-okafr"; did you mean "amara-okafor"?"#))
        #expect(try AppDatabase.open(path: database).answerLinks(personID: nil).isEmpty)
    }

    @Test("list shows every link's person, purpose and subject, never a token; --person narrows it")
    func listing() throws {
        let tokens = [try issuePage(for: "amara-okafor"), try issuePage(for: "daniel-rossi")]
        let store = try AppDatabase.open(path: database)
        let meeting = AnswerLinkSubject.attendance(
            seriesID: "leadership-table", occurrenceDate: LocalDate(iso: "2027-02-09")!)
        let attendance = try store.issueAnswerLink(
            personID: "amara-okafor", subject: meeting, expiresAt: Date().addingTimeInterval(86_400), now: Date())

        let (all, json) = try list()
        #expect(all.map(\.personId) == ["amara-okafor", "daniel-rossi", "amara-okafor"])
        #expect(all.map(\.purpose) == ["page", "page", "attendance"])
        #expect(all.last?.subject == "leadership-table/2027-02-09")
        #expect(all.first?.personName == "Amara Okafor")
        #expect(all.filter(\.active).count == 3)
        let text = try succeed(["link", "list"])
        #expect(text.contains("3 answer links in \(database), 3 active"))
        #expect(text.contains("attendance  leadership-table/2027-02-09"))
        for token in tokens + [attendance.token] {
            #expect(!json.contains(token))
            #expect(!text.contains(token))
        }
        #expect(try list(["--person", "daniel-rossi"]).links.map(\.purpose) == ["page"])
        // No service answers here, so status exits with 69; it reads the database all the same.
        let status = try rhythm(["status"])
        #expect(status.standardOutput.contains("Answer links: 3 active"), "\(status.standardOutput)")
    }

    @Test("revoke --person stops every link of that person and says how many; revoke PUBLIC-ID stops one")
    func revoke() throws {
        let amara = [try issuePage(for: "amara-okafor"), try issuePage(for: "amara-okafor")]
        let daniel = try issuePage(for: "daniel-rossi")
        let store = try AppDatabase.open(path: database)

        #expect(
            try succeed(["link", "revoke", "--person", "amara-okafor"])
                == "Revoked 2 answer links of amara-okafor; they no longer work.\n")
        for token in amara { #expect(try store.answerLink(forToken: token, now: Date()) == nil) }
        #expect(try store.answerLink(forToken: daniel, now: Date()) != nil)
        #expect(try succeed(["link", "revoke", "--person", "amara-okafor"]).contains("nothing was changed"))

        let publicID = try #require(try list(["--person", "daniel-rossi"]).links.first?.publicId)
        #expect(
            try succeed(["link", "revoke", publicID])
                == "Revoked answer link \(publicID) (page, person:daniel-rossi); it no longer works.\n")
        #expect(try store.answerLink(forToken: daniel, now: Date()) == nil)
        #expect(try succeed(["link", "revoke", publicID]).contains("was already revoked"))
        #expect(try list().links.allSatisfy { !$0.active && $0.revokedAt != nil })

        let unknown = try rhythm(["link", "revoke", String(publicID.dropLast())])
        #expect(unknown.status == 64)
        #expect(unknown.standardError.contains("There is no answer link"))
    }
}
