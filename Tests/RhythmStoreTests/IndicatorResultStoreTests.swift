import Foundation
import RhythmCore
import Testing

@testable import RhythmStore

/// Recording and reading indicator values.
@Suite struct IndicatorResultStoreTests {
    let directory: TemporaryDirectory
    let database: AppDatabase

    init() throws {
        directory = try TemporaryDirectory()
        database = try directory.open()
    }

    func period(_ text: String) throws -> ReportingPeriod {
        try #require(ReportingPeriod(parsing: text))
    }

    @Test("a recorded value reads back")
    func record() throws {
        let result = try database.recordIndicatorResult(
            indicatorID: "attendance", period: period("2027-Q1"), value: 91.5, note: "provisional", actor: "cli:ann",
            now: .reference)
        #expect(result.indicatorID == "attendance")
        #expect(result.period == (try period("2027-Q1")))
        #expect(result.value == 91.5)
        #expect(result.note == "provisional")
        #expect(result.recordedBy == "cli:ann")
        #expect(result.recordedAt == .reference)
        #expect(try database.indicatorResult(id: result.id) == result)
        #expect(try database.indicatorResult(id: result.id + 1) == nil)
    }

    @Test("recording the same indicator and period again replaces the value and keeps the id")
    func replace() throws {
        let first = try database.recordIndicatorResult(
            indicatorID: "attendance", period: period("2027-Q1"), value: 90, note: "provisional", actor: "a",
            now: .reference)
        let later = Date.reference.addingTimeInterval(86_400)
        let second = try database.recordIndicatorResult(
            indicatorID: "attendance", period: period("2027-Q1"), value: 92, note: nil, actor: "b", now: later)
        #expect(second.id == first.id)
        #expect(second.value == 92)
        #expect(second.note == nil)
        #expect(second.recordedBy == "b")
        #expect(second.recordedAt == later)
        #expect(try database.countIndicatorResults(indicatorID: "attendance") == 1)
        let entries = try database.auditEntries(entity: "indicator-result", entityID: first.id, limit: 10)
        #expect(entries.map(\.change) == ["updated", "created"])
        #expect(entries[0].details.contains(#""value":{"new":92,"old":90}"#))
    }

    @Test("a value that is not a finite number is refused")
    func notFinite() throws {
        #expect(throws: StoreError.self) {
            try database.recordIndicatorResult(
                indicatorID: "x", period: period("2027"), value: .nan, note: nil, actor: "t", now: .reference)
        }
    }

    @Test("results list newest period first, by indicator, paged and counted")
    func listing() throws {
        for (indicator, text, value) in [
            ("a", "2026-Q4", 1.0), ("a", "2027-Q2", 3), ("a", "2027-Q1", 2), ("b", "2027-03", 5), ("b", "2026", 4),
        ] {
            _ = try database.recordIndicatorResult(
                indicatorID: indicator, period: period(text), value: value, note: nil, actor: "t", now: .reference)
        }
        let a = try database.indicatorResults(indicatorID: "a", limit: 10, offset: 0).map(\.period.description)
        #expect(a == ["2027-Q2", "2027-Q1", "2026-Q4"])
        let page = try database.indicatorResults(indicatorID: "a", limit: 1, offset: 1).map(\.value)
        #expect(page == [2])
        let all = try database.indicatorResults(indicatorID: nil, limit: 10, offset: 0).map(\.period.description)
        #expect(all == ["2027-Q2", "2027-03", "2027-Q1", "2026-Q4", "2026"])
        #expect(try database.countIndicatorResults(indicatorID: nil) == 5)
        #expect(try database.countIndicatorResults(indicatorID: "b") == 2)
        #expect(try database.allIndicatorResults().count == 5)
        #expect(try database.allIndicatorResults().map(\.indicatorID) == ["a", "a", "a", "b", "b"])
    }
}
