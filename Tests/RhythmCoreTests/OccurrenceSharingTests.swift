import Foundation
import Testing

@testable import RhythmCore

private typealias F = ScheduleFixtures

@Suite struct OccurrenceSharingTests {
    static let december = F.window("2026-11-30T00:00:00Z", "2027-01-01T00:00:00Z")

    @Test("the occurrences of one series share one copy of it and still read as the series")
    func occurrencesShareTheirSeries() throws {
        let series = F.series(start: "2026-12-01T10:00", rule: "FREQ=WEEKLY;COUNT=4")
        let found = F.schedule([series]).occurrences(in: Self.december)
        try #require(found.count == 4)
        #expect(found.allSatisfy { $0.seriesReference === found[0].seriesReference })
        #expect(found.allSatisfy { $0.series == series && $0.timeZone == series.timeZone })
    }

    @Test("occurrences compare and hash by the series' value, whichever copy they hold")
    func equalityFollowsTheSeriesValue() {
        let series = F.series(start: "2026-12-01T10:00", rule: nil)
        let other = F.series(id: "other", start: "2026-12-01T10:00", rule: nil)
        func occurrence(of series: MeetingSeries) -> Occurrence {
            Occurrence(
                series: series, originalStart: series.start, localStart: series.start,
                start: Date(timeIntervalSince1970: 0), end: Date(timeIntervalSince1970: 3600), location: nil,
                onlineMeetingURL: nil, status: .scheduled)
        }
        #expect(occurrence(of: series) == occurrence(of: series))
        #expect(Set([occurrence(of: series), occurrence(of: series)]).count == 1)
        #expect(occurrence(of: series) != occurrence(of: other))
    }

    @Test("occurrences at one instant keep the order of the series given when their ids are equal")
    func equalIDsKeepTheirOrder() {
        let first = F.series(id: "same", start: "2026-12-01T10:00", rule: nil)
        var second = F.series(id: "same", start: "2026-12-01T10:00", rule: nil)
        second.title = "Second"
        let found = F.schedule([first, second]).occurrences(in: Self.december)
        #expect(found.map(\.series.title) == ["Series same", "Second"])
    }

    @Test("occurrences name the series value they share, and tell apart series with equal ids")
    func seriesIdentity() {
        let first = F.series(id: "same", start: "2026-12-01T10:00", rule: "FREQ=WEEKLY;COUNT=3")
        var second = F.series(id: "same", start: "2026-12-02T10:00", rule: "FREQ=WEEKLY;COUNT=3")
        second.title = "Second"
        let found = F.schedule([first, second]).occurrences(in: Self.december)
        let byIdentity = Dictionary(grouping: found, by: \.seriesIdentity)
        #expect(byIdentity.count == 2)
        #expect(byIdentity.values.map(\.count).sorted() == [3, 3])
        #expect(byIdentity.values.allSatisfy { group in group.allSatisfy { $0.series == group[0].series } })
    }
}
