import Foundation
import ICalendar
import RhythmCore
import Testing

@testable import RhythmFeeds

/// Meeting times on the nights clocks change are written so that no client can misread them,
/// and every zone of the system database gets its VTIMEZONE.
@Suite struct ClockChangeEventTests {
    typealias F = FeedFixtures

    static func events(_ series: [MeetingSeries], zone: TimeZone = F.melbourne) -> [Component] {
        let initiative = Initiative(name: "Clocks", timeZone: zone, domain: "example.org", series: series)
        return FeedBuilder(initiative: initiative, settings: FeedSettings())
            .calendar(for: .everyone, revisions: [:], now: F.now).components(Component.Name.event)
    }

    static func series(
        _ id: String, start: String, zone: TimeZone, rule: String, exceptions: [SeriesException] = []
    ) -> MeetingSeries {
        MeetingSeries(
            id: id, title: id, kind: .team, start: F.local(start), duration: .seconds(3600), timeZone: zone,
            recurrence: try? RecurrenceRule(parsing: rule), exceptions: exceptions)
    }

    @Test(
        "a start or an end in the repeated hour gets an exact DURATION instead of DTEND",
        arguments: [
            ("2027-04-04T02:30", "20270404T023000"),  // starts at the first 02:30, ends at the second
            ("2027-04-04T01:30", "20270404T013000"),  // ends at the first 02:30, which python reads as the second
        ])
    func endInRepeatedHour(start: String, written: String) throws {
        let master = try #require(
            Self.events([Self.series("night", start: start, zone: F.melbourne, rule: "FREQ=WEEKLY")]).first)
        #expect(master.property("DTSTART")?.value == written)
        #expect(master.property("DURATION")?.value == "PT1H")
        #expect(master.property("DTEND") == nil)
    }

    @Test("a cancelled meeting in London's repeated hour gets a DURATION too; ordinary ends keep DTEND")
    func overrideEndInRepeatedHour() throws {
        let events = Self.events(
            [
                Self.series(
                    "desk", start: "2027-10-17T01:30", zone: F.london, rule: "FREQ=WEEKLY;COUNT=4",
                    exceptions: [.cancel(F.date("2027-10-31"), reason: nil)])
            ], zone: F.london)
        let master = try #require(events.first { $0.property("RECURRENCE-ID") == nil })
        #expect(master.property("DTEND")?.value == "20271017T023000")
        #expect(master.property("DTEND")?.parameter("TZID")?.value == "Europe/London")
        #expect(master.property("DURATION") == nil)
        let cancelled = try #require(events.first { $0.property("RECURRENCE-ID") != nil })
        #expect(cancelled.property("DTSTART")?.value == "20271031T013000")
        #expect(cancelled.property("DURATION")?.value == "PT1H")
        #expect(cancelled.property("DTEND") == nil)
    }

    @Test("every zone name of the system database gets a VTIMEZONE under the TZID its events use")
    func everyZoneHasVTimeZone() throws {
        for name in TimeZoneDatabase.system.names {
            let zone = try #require(TimeZoneDatabase.system.zone(named: name), "\(name)")
            let initiative = Initiative(
                name: "Zones", timeZone: zone, domain: "example.org",
                series: [Self.series("s", start: "2027-01-04T09:00", zone: zone, rule: "FREQ=WEEKLY")])
            let calendar = FeedBuilder(initiative: initiative, settings: FeedSettings())
                .calendar(for: .everyone, revisions: [:], now: F.now)
            let tzid = calendar.components(Component.Name.event).first?.property("DTSTART")?.parameter("TZID")?.value
            let definitions = calendar.components(Component.Name.timeZone).compactMap { $0.property("TZID")?.value }
            #expect(tzid != nil && definitions == [tzid], "\(name): \(definitions)")
        }
    }
}
