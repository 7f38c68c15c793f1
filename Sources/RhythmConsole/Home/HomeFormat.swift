import Foundation
import RhythmCore

/// How the home page writes dates, times and shares: in English, the same on every machine
/// whatever its locale, like the rest of Rhythm's output.
enum HomeFormat {
    /// `8 Dec 2026`.
    static func date(_ date: LocalDate) -> String {
        "\(date.day) \(date.monthName.prefix(3)) \(date.year)"
    }

    /// `Tuesday 8 December`.
    static func day(_ date: LocalDate) -> String {
        "\(date.weekday.name) \(date.day) \(date.monthName)"
    }

    /// `10:00`.
    static func time(_ local: LocalDateTime) -> String {
        String(local.time.description.prefix(5))
    }

    /// `Tue 8 Dec 2026, 10:00`, with the series' zone named when it is not the initiative's.
    static func meeting(_ occurrence: Occurrence, initiativeZone: TimeZone) -> String {
        let local = occurrence.localStart
        return "\(local.date.weekday.name.prefix(3)) \(date(local.date)), \(time(local))"
            + zoneNote(occurrence, initiativeZone: initiativeZone)
    }

    /// ` (Europe/London time)` when the meeting keeps another zone's clock, else nothing.
    static func zoneNote(_ occurrence: Occurrence, initiativeZone: TimeZone) -> String {
        occurrence.timeZone.identifier == initiativeZone.identifier ? "" : " (\(occurrence.timeZone.identifier) time)"
    }

    /// `7 Dec 2026 09:14` in `zone`.
    static func instant(_ instant: Date, zone: TimeZone) -> String {
        let local = zone.wallClock(at: instant)
        return "\(date(local.date)) \(time(local))"
    }

    /// `72% (18 of 25)`, or `nobody invited`.
    static func share(_ share: AttendanceShare) -> String {
        guard let percent = share.percent else { return "nobody invited" }
        return "\(ChartStyle.format(percent.rounded(), unit: "%")) (\(share.attending) of \(share.invited))"
    }

    /// The RFC 3339 form of an instant for `<time datetime>`, with the zone's offset.
    static func machine(_ instant: Date, zone: TimeZone) -> String {
        zone.iso8601(instant)
    }
}
