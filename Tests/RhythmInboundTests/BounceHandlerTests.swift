import Foundation
import RhythmCore
import RhythmInbound
import RhythmMail
import RhythmStore
import Testing

/// Delivery reports against a real SQLite store holding the reminders they return.
@Suite struct BounceHandlerTests {
    let files: BounceTestStore
    let store: AppDatabase
    let handler: BounceHandler
    let now = Date(timeIntervalSince1970: 1_796_595_000)
    let context: InboundContext

    init() throws {
        files = try BounceTestStore()
        store = files.database
        handler = BounceHandler(store: store)
        let zone = TimeZone(identifier: "Australia/Melbourne")!
        let initiative = Initiative(
            name: "Collective", timeZone: zone, domain: "collective.example.org",
            people: [
                Person(id: "mei-lin", name: "Mei Lin", email: "mei.lin@example.org", timeZone: zone),
                Person(id: "tom-ward", name: "Tom Ward", email: "tom.ward@partner.example", timeZone: zone),
            ])
        context = InboundContext(initiative: initiative, channelID: "email", now: now)
        let entries = [("mei-lin", BounceFixture.meiLinKey), ("tom-ward", BounceFixture.tomWardKey)].map {
            OutboxEntry(
                key: $0.1, channelID: "email", recipient: "person:\($0.0)", due: now - 86_400,
                usefulUntil: now - 3600, kind: .reminder, subject: "Reminder: Leadership table")
        }
        try store.enqueue(entries, plannedWindow: nil, now: now - 86_400)
    }

    func handle(_ fixture: BounceFixture) throws -> InboundDisposition {
        try handler.handle(try fixture.message(), in: context)
    }

    @Test("the fixtures return the Message-IDs of the seeded reminders")
    func seededMessageIDs() throws {
        #expect(
            try store.outboxEntry(key: BounceFixture.meiLinKey)?.messageID == "rhythm-ddd7940eaca288913be3718919cbdf85")
        #expect(
            try store.outboxEntry(key: BounceFixture.tomWardKey)?.messageID == "rhythm-6dc57181d9feeaab7d507c5fa50ef51f"
        )
    }

    @Test("a Postfix 5.1.1 report marks the recipient's address bouncing, with the server's reply")
    func postfixPermanent() throws {
        guard case .handled(let summary) = try handle(.postfixPermanent) else {
            Issue.record("expected the report to be handled")
            return
        }
        #expect(summary.contains("mei-lin") && summary.contains("5.1.1"))
        #expect(!summary.contains("mei.lin@example.org"))
        let bounce = try #require(try store.bounce(address: "mei.lin@example.org"))
        #expect(bounce.isBouncing && bounce.bouncingSince == now)
        #expect(bounce.personID == "mei-lin" && bounce.statusCode == "5.1.1")
        #expect(
            bounce.diagnostic
                == "550 5.1.1 <mei.lin@example.org>: Recipient address rejected: User unknown in virtual mailbox table")
        #expect(bounce.outboxEntryID != nil)
    }

    @Test("an Exchange report with the returned message matches the person whatever the case of the address")
    func exchangeReturnedMessage() throws {
        guard case .handled = try handle(.exchangeReturnedMessage) else {
            Issue.record("expected the report to be handled")
            return
        }
        let bounce = try #require(try store.bounce(address: "tom.ward@partner.example"))
        #expect(bounce.address == "tom.ward@partner.example" && bounce.personID == "tom-ward")
        #expect(bounce.statusCode == "5.1.10" && bounce.isBouncing)
        #expect(bounce.diagnostic?.hasPrefix("550 5.1.10 RESOLVER.ADR.RecipientNotFound") == true)
        // The returned message's answer link never reaches the store.
        #expect(bounce.diagnostic?.contains("/a/") == false)
        #expect(try store.bounce(address: "mei.lin@example.org") == nil)
    }

    @Test("a delay warning is counted and leaves the address in use")
    func delayed() throws {
        guard case .handled(let summary) = try handle(.postfixDelayed) else {
            Issue.record("expected the report to be handled")
            return
        }
        #expect(summary.contains("temporary"))
        let bounce = try #require(try store.bounce(address: "mei.lin@example.org"))
        #expect(!bounce.isBouncing && bounce.temporaryFailures == 1 && bounce.lastFailureAt == now)
        #expect(try store.bouncingAddresses().isEmpty)
    }

    @Test("a plain-text Gmail-style bounce is read by its code and its quoted Message-ID")
    func gmailPlain() throws {
        guard case .handled = try handle(.gmailPlainBounce) else {
            Issue.record("expected the bounce to be handled")
            return
        }
        let bounce = try #require(try store.bounce(address: "mei.lin@example.org"))
        #expect(bounce.isBouncing && bounce.statusCode == "5.1.1" && bounce.personID == "mei-lin")
    }

    @Test("a bounce of a message Rhythm did not send is left alone, even for a known person's address")
    func foreign() throws {
        #expect(try handle(.foreign) == .unrelated)
        #expect(try store.bounce(address: "mei.lin@example.org") == nil)
    }

    @Test("a success notice is handled and records nothing")
    func relayed() throws {
        guard case .handled = try handle(.relayed) else {
            Issue.record("expected the notice to be handled")
            return
        }
        #expect(try store.bounce(address: "mei.lin@example.org") == nil)
    }

    @Test("a report about an address that is not the recipient's configured one is left for a person")
    func changedAddress() throws {
        var moved = context
        moved.initiative.people[0].email = "mei.lin@newhost.example"
        #expect(try handler.handle(try BounceFixture.postfixPermanent.message(), in: moved) == .unrelated)
        #expect(try store.bouncingAddresses().isEmpty)
    }

    @Test("ordinary mail is not a bounce")
    func ordinaryMail() throws {
        let text = "From: Mei Lin <mei.lin@example.org>\r\nSubject: Hello\r\n\r\nSee you Tuesday.\r\n"
        #expect(try handler.handle(try ReceivedMessage(bytes: Array(text.utf8)), in: context) == .unrelated)
    }
}
