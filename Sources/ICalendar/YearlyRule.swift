/// A yearly "nth (or last) weekday of a month at a local time" rule, the shape of nearly every
/// daylight-saving rule and the only shape older Outlook maps reliably (MS-OXCICAL).
struct YearlyRule: Hashable {
    /// The month, 1...12.
    var month: Int
    /// The ISO weekday, 1 = Monday ... 7 = Sunday.
    var weekday: Int
    /// 1...4 for the first to fourth such weekday, -1 for the last.
    var ordinal: Int
    /// Seconds after local midnight.
    var secondOfDay: Int

    /// The rule's local reading in `year`.
    func occurrence(year: Int) -> WallClock {
        let dayNumber: Int
        if ordinal > 0 {
            let first = CalendarDate.dayNumber(year: year, month: month, day: 1)
            dayNumber = first + (weekday - CalendarDate.isoWeekday(dayNumber: first) + 7) % 7 + (ordinal - 1) * 7
        } else {
            let length = CalendarDate.daysInMonth(year: year, month: month)
            let last = CalendarDate.dayNumber(year: year, month: month, day: length)
            dayNumber = last - (CalendarDate.isoWeekday(dayNumber: last) - weekday + 7) % 7
        }
        return WallClock(secondsSinceEpoch: dayNumber * 86_400 + secondOfDay)
    }

    /// The RRULE text without UNTIL, such as `FREQ=YEARLY;BYMONTH=10;BYDAY=1SU`.
    var rruleText: String {
        let days = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
        return "FREQ=YEARLY;BYMONTH=\(month);BYDAY=\(ordinal)\(days[weekday - 1])"
    }

    /// The rules that `clock` is an occurrence of, the more plausible first: "last" wins for a
    /// day late in the month (the 4th and 5th weeks are where "last Sunday" rules fall), the
    /// ordinal otherwise; a span of a few years often cannot tell the two apart.
    static func candidates(for clock: WallClock) -> [YearlyRule] {
        let date = clock.date
        let secondOfDay = clock.hour * 3600 + clock.minute * 60 + clock.second
        let nth = (date.day - 1) / 7 + 1
        let isLast = date.day + 7 > CalendarDate.daysInMonth(year: date.year, month: date.month)
        var rules: [YearlyRule] = []
        if nth <= 3 {
            rules.append(
                YearlyRule(month: date.month, weekday: date.isoWeekday, ordinal: nth, secondOfDay: secondOfDay))
        }
        if isLast {
            rules.append(YearlyRule(month: date.month, weekday: date.isoWeekday, ordinal: -1, secondOfDay: secondOfDay))
        }
        if nth == 4 {
            rules.append(YearlyRule(month: date.month, weekday: date.isoWeekday, ordinal: 4, secondOfDay: secondOfDay))
        }
        return rules
    }

    /// The most plausible rule that has every reading in `clocks` as its occurrence, one per
    /// consecutive year, or nil when the readings follow no single yearly rule.
    static func fitting(_ clocks: [WallClock]) -> YearlyRule? {
        guard let first = clocks.first else { return nil }
        let consecutive = zip(clocks, clocks.dropFirst()).allSatisfy { $1.date.year == $0.date.year + 1 }
        guard consecutive else { return nil }
        return candidates(for: first).first { rule in
            clocks.allSatisfy { rule.occurrence(year: $0.date.year) == $0 }
        }
    }
}
