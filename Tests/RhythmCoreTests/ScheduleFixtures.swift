import Foundation

@testable import RhythmCore

/// Small builders so each schedule test states only what it is about.
enum ScheduleFixtures {
    static func zone(_ identifier: String) -> TimeZone {
        TimeZone(identifier: identifier)!
    }

    static func local(_ text: String) -> LocalDateTime {
        LocalDateTime(iso: text)!
    }

    static func date(_ text: String) -> LocalDate {
        LocalDate(iso: text)!
    }

    static func instant(_ text: String) -> Date {
        try! Date(text, strategy: .iso8601)
    }

    static func series(
        id: String = "weekly",
        start: String,
        zone: String = "Australia/Melbourne",
        rule: String?,
        duration: Duration = .seconds(3600),
        exceptions: [SeriesException] = [],
        extraDates: [String] = [],
        holidayPolicy: MeetingSeries.HolidayPolicy = .skip
    ) -> MeetingSeries {
        MeetingSeries(
            id: id,
            title: "Series \(id)",
            kind: .team,
            start: local(start),
            duration: duration,
            timeZone: self.zone(zone),
            location: "Room 1",
            recurrence: rule.map { try! RecurrenceRule(parsing: $0) },
            extraDates: extraDates.map(local),
            exceptions: exceptions,
            holidayPolicy: holidayPolicy
        )
    }

    static func schedule(_ series: [MeetingSeries], holidays: [HolidayPeriod] = []) -> Schedule {
        Schedule(
            initiative: Initiative(
                name: "Test",
                timeZone: zone("Australia/Melbourne"),
                domain: "example.org",
                holidays: holidays,
                series: series
            )
        )
    }

    static func window(_ from: String, _ to: String) -> DateInterval {
        DateInterval(start: instant(from), end: instant(to))
    }
}
