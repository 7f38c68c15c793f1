import Foundation
import Testing

@testable import RhythmStore

/// Bounces mark addresses Rhythm must stop writing to; temporary failures are only counted.
@Suite struct AddressBounceStoreTests {
    let directory: TemporaryDirectory
    let database: AppDatabase
    let entry = OutboxEntry(
        key: "meet-email|leadership-table|2027-02-09|person:mei-lin", channelID: "email", recipient: "person:mei-lin",
        due: .reference, usefulUntil: .reference + 3600)

    init() throws {
        directory = try TemporaryDirectory()
        database = try directory.open()
        try database.enqueue([entry], plannedWindow: nil, now: .reference)
    }

    func failure(_ address: String = "Mei.Lin@Example.org", code: String = "5.1.1") -> AddressFailure {
        AddressFailure(
            address: address, personID: "mei-lin", outboxMessageID: entry.messageID, statusCode: code,
            diagnostic: "550 \(code) user unknown")
    }

    @Test("a permanent failure marks the lower-cased address bouncing, tied to the outbox entry")
    func permanent() throws {
        let bounce = try database.recordPermanentFailure(failure(), now: .reference + 60)
        #expect(bounce.address == "mei.lin@example.org")
        #expect(bounce.isBouncing && bounce.bouncingSince == .reference + 60)
        #expect(bounce.statusCode == "5.1.1" && bounce.diagnostic == "550 5.1.1 user unknown")
        #expect(bounce.outboxEntryID != nil)
        #expect(try database.bouncingAddresses() == [bounce])
        #expect(try database.bounce(address: "MEI.LIN@example.org") == bounce)
    }

    @Test("a second permanent failure keeps the first instant and takes the newer reply")
    func permanentTwice() throws {
        try database.recordPermanentFailure(failure(), now: .reference + 60)
        let again = try database.recordPermanentFailure(failure(code: "5.2.1"), now: .reference + 120)
        #expect(again.bouncingSince == .reference + 60)
        #expect(again.statusCode == "5.2.1" && again.lastFailureAt == .reference + 120)
    }

    @Test("temporary failures are counted and never make an address bouncing")
    func temporary() throws {
        try database.recordTemporaryFailure(failure(code: "4.2.2"), now: .reference + 60)
        let counted = try database.recordTemporaryFailure(failure(code: "4.4.1"), now: .reference + 120)
        #expect(counted.temporaryFailures == 2 && counted.lastFailureAt == .reference + 120)
        #expect(!counted.isBouncing)
        #expect(try database.bouncingAddresses().isEmpty)
    }

    @Test("clearing a person's bounce keeps the row with who cleared it; a new bounce starts afresh")
    func clear() throws {
        try database.recordTemporaryFailure(failure(), now: .reference)
        try database.recordPermanentFailure(failure(), now: .reference + 60)
        let cleared = try database.clearBounce(personID: "mei-lin", actor: "cli:ops", now: .reference + 600)
        #expect(cleared.map(\.address) == ["mei.lin@example.org"])
        #expect(cleared.first?.isBouncing == false)
        #expect(cleared.first?.clearedBy == "cli:ops" && cleared.first?.clearedAt == .reference + 600)
        #expect(cleared.first?.temporaryFailures == 1)
        #expect(try database.bouncingAddresses().isEmpty)
        #expect(try database.clearBounce(personID: "mei-lin", actor: "cli:ops", now: .reference + 700).isEmpty)

        let again = try database.recordPermanentFailure(failure(), now: .reference + 900)
        #expect(again.bouncingSince == .reference + 900 && again.clearedAt == nil && again.clearedBy == nil)
    }

    @Test("an entry skipped for a bouncing address records why and is never claimed")
    func skip() throws {
        let skipped = try database.skip(key: entry.key, reason: "not sent: the address bounces", now: .reference)
        #expect(skipped?.status == .skipped && skipped?.lastReply == "not sent: the address bounces")
        #expect(try database.claimDue(now: .reference + 1, limit: 10).isEmpty)
    }
}
