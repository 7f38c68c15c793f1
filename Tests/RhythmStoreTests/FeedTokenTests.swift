import Foundation
import GRDB
import Testing

@testable import RhythmStore

/// Issuing, recognising, rotating and revoking the secrets in feed URLs.
@Suite struct FeedTokenTests {
    let directory: TemporaryDirectory
    let database: AppDatabase

    init() throws {
        directory = try TemporaryDirectory()
        database = try directory.open()
    }

    @Test("a token is 43 base64url characters that decode to 32 random bytes")
    func tokenShape() throws {
        let token = try database.issueFeedToken(for: .partner("kinfolk-health"), now: .reference).token
        #expect(token.count == 43)
        #expect(token.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
        let base64 = token.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/") + "="
        #expect(Data(base64Encoded: base64)?.count == 32)
        #expect(FeedToken.length * 6 >= 256)
    }

    @Test("tokens and public ids never repeat")
    func unique() throws {
        let issued = try (0..<200).map { index in
            try database.issueFeedToken(for: .person("person-\(index % 7)"), now: .reference)
        }
        #expect(Set(issued.map(\.token)).count == 200)
        #expect(Set(issued.map(\.record.publicID)).count == 200)
        #expect(issued.allSatisfy { $0.record.publicID.count == FeedToken.publicIDLength })
    }

    @Test("only the SHA-256 of a token is stored: the token is nowhere in the file")
    func onlyHashStored() throws {
        let issued = try database.issueFeedToken(for: .group("attendance-wg"), now: .reference)
        let rows = try DatabaseQueue(path: directory.databasePath).read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM feed_token")
        }
        let row = try #require(rows.first)
        #expect(rows.count == 1)
        #expect(row["token_hash"] == FeedToken.hash(issued.token))
        #expect((row["token_hash"] as String).count == 64)
        #expect(!row.databaseValues.contains(issued.token.databaseValue))
        let bytes = try directory.databaseBytes()
        #expect(bytes.range(of: Data(issued.token.utf8)) == nil)
        #expect(bytes.range(of: Data(FeedToken.hash(issued.token).utf8)) != nil)
    }

    @Test("the issued value never prints its secret")
    func descriptionHidesToken() throws {
        let issued = try database.issueFeedToken(for: .partner("youth-voices"), now: .reference)
        #expect(!"\(issued)".contains(issued.token))
        #expect(!String(reflecting: issued).contains(issued.token))
        #expect("\(issued)".contains("partner:youth-voices"))
    }

    @Test("a presented token finds its subject")
    func lookup() throws {
        let issued = try database.issueFeedToken(for: .person("fiona-mcallister"), now: .reference)
        #expect(try database.feedSubject(forToken: issued.token, now: .reference) == .person("fiona-mcallister"))
    }

    @Test("wrong, malformed and revoked tokens all give nothing")
    func wrongTokens() throws {
        let issued = try database.issueFeedToken(for: .partner("apex-logistics"), now: .reference)
        let token = issued.token
        let flipped = String(token.dropLast()) + (token.last == "A" ? "B" : "A")
        let wrong = [
            "", "abc", flipped, token + "=", String(token.dropLast()),
            token.uppercased() == token ? "x" : token.uppercased(),
            String(repeating: "!", count: 43), FeedToken.hash(token), " " + token.dropFirst(),
        ]
        for candidate in wrong {
            #expect(try database.feedSubject(forToken: candidate, now: .reference) == nil, "\(candidate)")
        }
        _ = try database.revokeFeedToken(publicID: issued.record.publicID, now: .reference)
        #expect(try database.feedSubject(forToken: token, now: .reference) == nil)
    }

    @Test("rotating revokes the subject's old tokens and issues one that works")
    func rotate() throws {
        let first = try database.issueFeedToken(for: .group("transitions-wg"), now: .reference)
        let other = try database.issueFeedToken(for: .group("backbone"), now: .reference)
        let later = Date.reference.addingTimeInterval(3600)
        let rotated = try database.rotateFeedToken(for: .group("transitions-wg"), now: later)
        #expect(rotated.replaced.map(\.publicID) == [first.record.publicID])
        #expect(rotated.replaced.first?.revokedAt == later)
        #expect(try database.feedSubject(forToken: first.token, now: later) == nil)
        #expect(try database.feedSubject(forToken: rotated.token, now: later) == .group("transitions-wg"))
        #expect(try database.feedSubject(forToken: other.token, now: later) == .group("backbone"))
        let active = try database.feedTokens().filter(\.isActive).map(\.publicID)
        #expect(Set(active) == [rotated.record.publicID, other.record.publicID])
    }

    @Test("rotating a subject without tokens just issues one")
    func rotateFresh() throws {
        let rotated = try database.rotateFeedToken(for: .person("raj-patel"), now: .reference)
        #expect(rotated.replaced.isEmpty)
        #expect(try database.feedTokens() == [rotated.record])
    }

    @Test("revoking by public id stops that token only, and keeps the first revocation time")
    func revokeByPublicID() throws {
        let first = try database.issueFeedToken(for: .partner("riverside-youth"), now: .reference)
        let second = try database.issueFeedToken(for: .partner("riverside-youth"), now: .reference)
        let later = Date.reference.addingTimeInterval(60)
        let revoked = try #require(try database.revokeFeedToken(publicID: first.record.publicID, now: later))
        #expect(revoked.revokedAt == later)
        #expect(!revoked.isActive)
        #expect(try database.feedSubject(forToken: first.token, now: later) == nil)
        #expect(try database.feedSubject(forToken: second.token, now: later) == .partner("riverside-youth"))
        let again = try database.revokeFeedToken(publicID: first.record.publicID, now: later.addingTimeInterval(60))
        #expect(again?.revokedAt == later)
        #expect(try database.revokeFeedToken(publicID: "nosuchid22", now: later) == nil)
    }

    @Test("revoking by subject stops all of its tokens and no one else's")
    func revokeBySubject() throws {
        let first = try database.issueFeedToken(for: .person("sam-ibrahim"), now: .reference)
        let second = try database.issueFeedToken(for: .person("sam-ibrahim"), now: .reference)
        let partner = try database.issueFeedToken(for: .partner("sam-ibrahim"), now: .reference)
        let revoked = try database.revokeFeedTokens(for: .person("sam-ibrahim"), now: .reference)
        #expect(Set(revoked.map(\.publicID)) == [first.record.publicID, second.record.publicID])
        #expect(try database.feedSubject(forToken: first.token, now: .reference) == nil)
        #expect(try database.feedSubject(forToken: second.token, now: .reference) == nil)
        #expect(try database.feedSubject(forToken: partner.token, now: .reference) == .partner("sam-ibrahim"))
        #expect(try database.revokeFeedTokens(for: .person("sam-ibrahim"), now: .reference).isEmpty)
    }

    @Test("last use is recorded at most once a minute, so polling does not write each time")
    func lastUsedThrottled() throws {
        let issued = try database.issueFeedToken(for: .group("leadership-table"), now: .reference)
        func lastUsed() throws -> Date? { try database.feedTokens().first?.lastUsedAt }
        #expect(try lastUsed() == nil)
        let first = Date.reference.addingTimeInterval(10)
        _ = try database.feedSubject(forToken: issued.token, now: first)
        #expect(try lastUsed() == first)
        _ = try database.feedSubject(forToken: issued.token, now: first.addingTimeInterval(59))
        #expect(try lastUsed() == first)
        // data_version changes when another connection commits: the lookup alone must not.
        let observer = try DatabaseQueue(path: directory.databasePath)
        func dataVersion() throws -> Int? {
            try observer.read { db in try Int.fetchOne(db, sql: "PRAGMA data_version") }
        }
        let before = try dataVersion()
        _ = try database.feedSubject(forToken: issued.token, now: first.addingTimeInterval(30))
        #expect(try dataVersion() == before)
        let minuteLater = first.addingTimeInterval(60)
        _ = try database.feedSubject(forToken: issued.token, now: minuteLater)
        #expect(try lastUsed() == minuteLater)
        #expect(try dataVersion() != before)
    }

    @Test(
        "subjects read and print as kind:id",
        arguments: [
            ("partner:brightwater-council", FeedSubject.partner("brightwater-council")),
            ("person:fiona-mcallister", .person("fiona-mcallister")),
            ("group:attendance-wg", .group("attendance-wg")),
        ]
    )
    func subjectText(text: String, subject: FeedSubject) {
        #expect(FeedSubject(parsing: text) == subject)
        #expect(subject.description == text)
    }

    @Test(
        "malformed subjects are refused",
        arguments: ["", "partner", "partner:", "team:x", "partner:a:b", ":x", "Partner:x"])
    func badSubject(text: String) {
        #expect(FeedSubject(parsing: text) == nil)
    }
}
