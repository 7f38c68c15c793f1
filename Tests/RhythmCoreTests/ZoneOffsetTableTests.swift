import Foundation
import Testing

@testable import RhythmCore

@Suite struct ZoneOffsetTableTests {
    /// Zones with daylight saving in either hemisphere, half-hour and quarter-hour offsets, a
    /// zone without any change, and zones whose standard offset itself changed (Moscow in
    /// 2011 and 2014, Caracas in 2007 and 2016, Apia skipping 30 December 2011, Pyongyang in
    /// 2015 and 2018, Volgograd in 2018 and 2020).
    static let zones = [
        "Australia/Melbourne", "Europe/London", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe",
        "Asia/Kathmandu", "UTC", "Europe/Moscow", "America/Caracas", "Pacific/Apia", "Asia/Pyongyang",
        "Europe/Volgograd", "America/Santiago",
    ]

    @Test("the table gives Foundation's offset every hour and on both sides of each change", arguments: zones)
    func offsetsMatchFoundation(zoneName: String) throws {
        let zone = try #require(TimeZoneDatabase.system.zone(named: zoneName))
        func foundation(_ second: Int) -> Int {
            zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(second)))
        }
        let table = ZoneOffsetTable(zone: zone, years: 2006...2021)
        let first = LocalDate(year: 2006, month: 1, day: 1)!.dayNumber * 86_400
        let last = LocalDate(year: 2022, month: 1, day: 1)!.dayNumber * 86_400
        var mismatches: [Int] = []
        var previous = foundation(first)
        for second in stride(from: first, to: last, by: 3600) {
            let offset = foundation(second)
            if table.offsetSeconds(at: second) != offset { mismatches.append(second) }
            if offset != previous {
                // The offset changed within the last hour: find the second it changed at.
                var before = second - 3600
                var after = second
                while after - before > 1 {
                    let middle = (before + after) / 2
                    if foundation(middle) == previous { before = middle } else { after = middle }
                }
                if table.offsetSeconds(at: before) != previous { mismatches.append(before) }
                if table.offsetSeconds(at: after) != foundation(after) { mismatches.append(after) }
            }
            previous = offset
        }
        #expect(mismatches.isEmpty, "first mismatch at \(mismatches.first.map(String.init) ?? "")")
    }

    @Test("instants outside the table's years are answered by Foundation")
    func outsideTheYears() throws {
        let zone = try #require(TimeZone(identifier: "Australia/Melbourne"))
        let table = ZoneOffsetTable(zone: zone, years: 2030...2030)
        // 31 December 2026 (summer time, +11:00) and 3 July 2040 (standard time, +10:00).
        #expect(table.offsetSeconds(at: 1_798_722_000) == 39_600)
        #expect(table.offsetSeconds(at: 2_225_000_000) == 36_000)
    }

    @Test("the table resolves wall-clock readings as TimeZone does, in gaps and repeats too")
    func readingsMatchTheZone() throws {
        let zone = try #require(TimeZone(identifier: "Europe/London"))
        let table = ZoneOffsetTable(zone: zone, years: 2027...2027)
        let readings = [
            LocalDateTime(year: 2027, month: 3, day: 28, hour: 1, minute: 30)!,  // in the gap
            LocalDateTime(year: 2027, month: 10, day: 31, hour: 1, minute: 30)!,  // shown twice
            LocalDateTime(year: 2027, month: 7, day: 1, hour: 9)!,
        ]
        #expect(
            readings.map { table.instant(for: $0) } == [
                Date(timeIntervalSince1970: 1_806_197_400), Date(timeIntervalSince1970: 1_824_942_600),
                Date(timeIntervalSince1970: 1_814_428_800),
            ])
        #expect(table.wallClock(at: Date(timeIntervalSince1970: 1_806_197_400)).time == LocalTime(hour: 2, minute: 30))
    }

    @Test("the shared table of a zone grows to cover what later callers ask for")
    func sharedTableGrows() throws {
        let zone = try #require(TimeZone(identifier: "America/Santiago"))
        let early = ZoneOffsetTable.shared(for: zone, covering: 2030...2031)
        let later = ZoneOffsetTable.shared(for: zone, covering: 2040...2041)
        #expect(early.years.contains(2030))
        #expect(later.years.contains(2030) && later.years.contains(2041))
        #expect(ZoneOffsetTable.shared(for: zone, covering: 2031...2035).years == later.years)
    }
}
