import Foundation
import GRDB
import Testing

@testable import RhythmStore

/// Issuing, recognising and revoking API bearer tokens.
@Suite struct APITokenTests {
    let directory: TemporaryDirectory
    let database: AppDatabase

    init() throws {
        directory = try TemporaryDirectory()
        database = try directory.open()
    }

    @Test("an issued token is rhy_ and 43 base64url characters, and finds its record")
    func issueAndLookUp() throws {
        let issued = try database.issueAPIToken(
            name: "partner portal", scope: .write, partnerID: "brightwater-council", now: .reference)
        #expect(issued.token.hasPrefix("rhy_"))
        #expect(issued.token.count == 47)
        #expect(issued.record.name == "partner portal")
        #expect(issued.record.scope == .write)
        #expect(issued.record.partnerID == "brightwater-council")
        #expect(issued.record.createdAt == .reference)
        #expect(issued.record.isActive)
        let found = try #require(try database.apiToken(forSecret: issued.token, now: .reference))
        #expect(found.publicID == issued.record.publicID)
        #expect(try database.apiTokens().map(\.publicID) == [issued.record.publicID])
    }

    @Test("the secret is nowhere in the database file, only its hash, and never in descriptions")
    func hashOnly() throws {
        let issued = try database.issueAPIToken(name: "forms", scope: .read, partnerID: nil, now: .reference)
        let bytes = try directory.databaseBytes()
        #expect(bytes.range(of: Data(issued.token.utf8)) == nil)
        #expect(bytes.range(of: Data(issued.token.dropFirst(4).utf8)) == nil)
        #expect(bytes.range(of: Data(APIToken.hash(issued.token).utf8)) != nil)
        #expect(!"\(issued)".contains(issued.token))
        #expect(!String(reflecting: issued).contains(issued.token))
    }

    @Test("malformed, unknown, feed and revoked secrets all give nothing")
    func wrongSecrets() throws {
        let issued = try database.issueAPIToken(name: "forms", scope: .read, partnerID: nil, now: .reference)
        let feed = try database.issueFeedToken(for: .partner("x"), now: .reference)
        let token = issued.token
        let flipped = String(token.dropLast()) + (token.last == "A" ? "B" : "A")
        for candidate in [
            "", "rhy_", String(token.dropFirst(4)), flipped, token + "x", feed.token, "rhy_" + feed.token,
        ] {
            #expect(try database.apiToken(forSecret: candidate, now: .reference) == nil, "\(candidate)")
        }
        let revoked = try #require(try database.revokeAPIToken(publicID: issued.record.publicID, now: .reference))
        #expect(revoked.revokedAt == .reference)
        #expect(!revoked.isActive)
        #expect(try database.apiToken(forSecret: token, now: .reference) == nil)
        let again = try database.revokeAPIToken(
            publicID: issued.record.publicID, now: .reference.addingTimeInterval(60))
        #expect(again?.revokedAt == .reference)
        #expect(try database.revokeAPIToken(publicID: "nosuchtokn", now: .reference) == nil)
    }

    @Test("last use is recorded at most once per resolution")
    func lastUsed() throws {
        let issued = try database.issueAPIToken(name: "forms", scope: .read, partnerID: nil, now: .reference)
        _ = try database.apiToken(forSecret: issued.token, now: .reference)
        #expect(try database.apiTokens().first?.lastUsedAt == .reference)
        _ = try database.apiToken(forSecret: issued.token, now: .reference.addingTimeInterval(30))
        #expect(try database.apiTokens().first?.lastUsedAt == .reference)
        let later = Date.reference.addingTimeInterval(AppDatabase.lastUsedResolution)
        _ = try database.apiToken(forSecret: issued.token, now: later)
        #expect(try database.apiTokens().first?.lastUsedAt == later)
    }

    @Test("write implies read; read does not allow write")
    func scopes() {
        #expect(APIScope.write.allows(.read))
        #expect(APIScope.write.allows(.write))
        #expect(APIScope.read.allows(.read))
        #expect(!APIScope.read.allows(.write))
    }

    @Test("an empty name is refused")
    func emptyName() {
        #expect(throws: StoreError.self) {
            try database.issueAPIToken(name: " ", scope: .read, partnerID: nil, now: .reference)
        }
    }
}
