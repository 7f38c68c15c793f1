import Foundation
import Testing

@testable import RhythmStore

/// How far each inbox has been read, and whether reading it works.
@Suite struct InboxStateStoreTests {
    let directory: TemporaryDirectory
    let database: AppDatabase

    init() throws {
        directory = try TemporaryDirectory()
        database = try directory.open()
    }

    @Test("the cursor is remembered per channel and replaced when the mailbox is renumbered")
    func cursor() throws {
        #expect(try database.inboxState(channelID: "mail") == nil)
        try database.recordInboxRead(
            channelID: "mail", uidValidity: 1_700_000_000, lastUID: 42, startedAt: .reference, now: .reference)
        try database.recordInboxRead(
            channelID: "mail", uidValidity: 1_800_000_000, lastUID: 3, startedAt: .reference + 1, now: .reference + 2)
        #expect(
            try database.inboxState(channelID: "mail")
                == InboxState(
                    channelID: "mail", uidValidity: 1_800_000_000, lastUID: 3, readStartedAt: .reference + 1,
                    updatedAt: .reference + 2))
        #expect(try database.inboxState(channelID: "other") == nil)
    }

    @Test("failures are counted, keep the cursor, and a successful read forgets them")
    func failures() throws {
        try database.recordInboxRead(
            channelID: "mail", uidValidity: 7, lastUID: 9, startedAt: .reference, now: .reference)
        try database.recordInboxFailure(
            channelID: "mail", error: "connection refused", nextAttemptAt: .reference + 120, heldReason: nil,
            now: .reference + 1)
        let second = try database.recordInboxFailure(
            channelID: "mail", error: "connection refused", nextAttemptAt: .reference + 240, heldReason: nil,
            now: .reference + 2)
        #expect(second.failures == 2 && second.lastUID == 9 && second.uidValidity == 7)
        #expect(second.nextAttemptAt == .reference + 240 && !second.isHeld)
        try database.recordInboxRead(
            channelID: "mail", uidValidity: 7, lastUID: 10, startedAt: .reference + 3, now: .reference + 3)
        let state = try #require(try database.inboxState(channelID: "mail"))
        #expect(state.failures == 0 && state.lastError == nil && state.nextAttemptAt == nil)
    }

    @Test("a held inbox stays held until released, even before its first read")
    func holding() throws {
        let held = try database.recordInboxFailure(
            channelID: "mail", error: "login denied", nextAttemptAt: nil, heldReason: "the password was refused",
            now: .reference)
        #expect(held.isHeld && held.uidValidity == nil && held.lastUID == 0)
        #expect(try database.inboxStates().map(\.channelID) == ["mail"])
        #expect(try database.releaseHeldInboxes(now: .reference + 1) == ["mail"])
        #expect(try database.inboxState(channelID: "mail")?.isHeld == false)
        #expect(try database.releaseHeldInboxes(now: .reference + 2) == [])
    }
}
