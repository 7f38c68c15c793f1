import Foundation

@testable import ICalendar

/// A feed of the shape Rhythm publishes: calendar properties, a VTIMEZONE, a weekly series with
/// an exception and a moved occurrence, and an all-day event, exercising every value type.
enum SampleCalendar {
    static let zoneID = "Australia/Melbourne"
    static let stamp = Date(timeIntervalSince1970: 1_798_761_600)  // 2027-01-01T00:00:00Z
    static let seriesStart = WallClock(year: 2027, month: 4, day: 6, hour: 10)!
    static let seriesEnd = WallClock(year: 2027, month: 4, day: 6, hour: 11, minute: 30)!
    static let skipped = WallClock(year: 2027, month: 4, day: 13, hour: 10)!
    static let moved = WallClock(year: 2027, month: 4, day: 20, hour: 10)!
    static let movedTo = WallClock(year: 2027, month: 4, day: 21, hour: 14)!
    static let summary = "Steering group: budget, timeline; risks 📈"
    static let description =
        "Agenda:\n1. Welcome – Zoë Müller\n2. Budget review (see C:\\shared\\budget.xlsx)\n3. 会議の議題と資料について"
        + "\n\nJoin by phone, or in person; all welcome."

    static var calendar: Component {
        let zone = VTimeZoneBuilder(timeZone: TimeZone(identifier: zoneID)!)
            .component(from: Date(timeIntervalSince1970: 1_798_761_600), to: Date(timeIntervalSince1970: 1_861_920_000))
        let master = Component(
            Component.Name.event,
            properties: [
                .text("UID", "steering-2027@rhythm.example.org"),
                .dateTime("DTSTAMP", .utc(stamp)),
                .integer("SEQUENCE", 2),
                .dateTime("DTSTART", .zoned(seriesStart, timeZoneID: zoneID)),
                .dateTime("DTEND", .zoned(seriesEnd, timeZoneID: zoneID)),
                .recurrenceRule("FREQ=WEEKLY;BYDAY=TU;UNTIL=20271231T130000Z"),
                .dateTimes("EXDATE", [skipped], timeZoneID: zoneID),
                .text("SUMMARY", summary),
                .text("DESCRIPTION", description),
                .text("LOCATION", "Room 4, Level 2; 1 Example St, Melbourne"),
                .uri("ORGANIZER", "mailto:chair@example.org", parameters: [Parameter("CN", "Smith, Ann")]),
                .uri("URL", "https://rhythm.example.org/series/steering?view=week&tz=Australia/Melbourne"),
            ],
            components: [
                Component(
                    "VALARM",
                    properties: [
                        .text("ACTION", "DISPLAY"),
                        .text("DESCRIPTION", "Reminder"),
                        .duration("TRIGGER", DurationValue(minutes: -15)),
                    ])
            ])
        let override = Component(
            Component.Name.event,
            properties: [
                .text("UID", "steering-2027@rhythm.example.org"),
                .dateTime("DTSTAMP", .utc(stamp)),
                .integer("SEQUENCE", 2),
                .dateTime("RECURRENCE-ID", .zoned(moved, timeZoneID: zoneID)),
                .dateTime("DTSTART", .zoned(movedTo, timeZoneID: zoneID)),
                .duration("DURATION", DurationValue(hours: 1, minutes: 30)),
                .text("SUMMARY", summary + " (moved)"),
            ])
        let allDay = Component(
            Component.Name.event,
            properties: [
                .text("UID", "planning-day-2027@rhythm.example.org"),
                .dateTime("DTSTAMP", .utc(stamp)),
                .date("DTSTART", CalendarDate(year: 2027, month: 6, day: 1)!),
                .date("DTEND", CalendarDate(year: 2027, month: 6, day: 2)!),
                .text("SUMMARY", "Planning day"),
            ])
        return Component(
            Component.Name.calendar,
            properties: [
                Property("VERSION", value: "2.0"),
                .text("PRODID", "-//Rhythm//Rhythm 1.0//EN"),
                Property("CALSCALE", value: "GREGORIAN"),
                Property("METHOD", value: "PUBLISH"),
                .text("NAME", "Partnership meetings"),
                .text("X-WR-CALNAME", "Partnership meetings"),
                .text("X-WR-CALDESC", "Meetings of the partnership, published by Rhythm"),
                .text("X-WR-TIMEZONE", zoneID),
                .duration("REFRESH-INTERVAL", DurationValue(hours: 1), parameters: [Parameter("VALUE", "DURATION")]),
                .duration("X-PUBLISHED-TTL", DurationValue(hours: 1)),
            ],
            components: [zone, master, override, allDay])
    }
}
