import Foundation
import RhythmCore
import Testing

@testable import RhythmStore

/// What the answer pages keep between a form and its submission: used nonces and undo records.
@Suite struct AnswerFormStoreTests {
    let directory: TemporaryDirectory
    let database: AppDatabase

    init() throws {
        directory = try TemporaryDirectory()
        database = try directory.open()
    }

    @Test("a form nonce is used once; uses older than the cutoff are forgotten")
    func formUses() throws {
        let cutoff = Date.reference - 60
        #expect(try database.useAnswerForm(nonceHash: "a", linkID: 1, now: .reference, forgetBefore: cutoff))
        #expect(!(try database.useAnswerForm(nonceHash: "a", linkID: 1, now: .reference, forgetBefore: cutoff)))
        #expect(
            try database.useAnswerForm(
                nonceHash: "b", linkID: 1, now: .reference + 7200, forgetBefore: .reference + 3600))
        #expect(
            try database.useAnswerForm(
                nonceHash: "a", linkID: 1, now: .reference + 7200, forgetBefore: .reference + 3600))
    }

    @Test("an undo record is found only through its own link, and is marked undone once")
    func undoRecords() throws {
        let record = try database.recordAnswerUndo(
            linkID: 7, personID: "ann", summary: "Said yes.", change: "{}", now: .reference,
            forgetBefore: .reference - 60)
        #expect(try database.answerUndo(publicID: record.publicID, linkID: 8) == nil)
        #expect(try database.answerUndo(publicID: record.publicID, linkID: 7) == record)
        #expect(try database.markAnswerUndone(id: record.id, now: .reference + 1))
        #expect(!(try database.markAnswerUndone(id: record.id, now: .reference + 2)))
        _ = try database.recordAnswerUndo(
            linkID: 7, personID: "ann", summary: "Said no.", change: "{}", now: .reference + 7200,
            forgetBefore: .reference + 3600)
        #expect(try database.answerUndo(publicID: record.publicID, linkID: 7) == nil)
    }

    @Test("deleting an indicator value is audited with what it held")
    func deleteIndicatorResult() throws {
        let period = try #require(ReportingPeriod(parsing: "2027-Q1"))
        let result = try database.recordIndicatorResult(
            indicatorID: "enrolment", period: period, value: 91.4, note: "late", actor: "person:ann (link)",
            now: .reference)
        #expect(try database.deleteIndicatorResult(id: result.id, actor: "person:ann (link)", now: .reference + 1))
        #expect(!(try database.deleteIndicatorResult(id: result.id, actor: "person:ann (link)", now: .reference + 2)))
        #expect(try database.allIndicatorResults().isEmpty)
        let trail = try database.auditEntries(entity: "indicator-result", entityID: result.id, limit: 5)
        #expect(trail.map(\.change) == ["deleted", "created"] || trail.map(\.change) == ["created", "deleted"])
    }
}
