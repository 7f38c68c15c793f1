extension RecurrenceRule {
    /// Why Outlook cannot import this rule as a recurring series, in words for a
    /// coordinator; empty when it can.
    ///
    /// Outlook maps an RRULE onto one of its recurrence templates (MS-OXCICAL 2.1.3.2.2):
    /// daily (every N days or every weekday), weekly on a set of weekdays, monthly or
    /// yearly on one day of the month, or on the first to fourth or last of a weekday
    /// pattern. A rule outside them is not imported as a recurring series, so Outlook users
    /// see only its first meeting.
    public var outlookIncompatibilities: [String] {
        var reasons: [String] = []
        if [.secondly, .minutely, .hourly].contains(frequency) {
            reasons.append("Outlook has no \(frequency.rawValue.lowercased()) recurrence")
        }
        if byHour.count > 1 || byMinute.count > 1 || bySecond.count > 1 {
            reasons.append("Outlook cannot repeat a meeting at several times of day (BYHOUR, BYMINUTE, BYSECOND)")
        }
        if !byWeekNumber.isEmpty { reasons.append("Outlook has no week-number rules (BYWEEKNO)") }
        if !byYearDay.isEmpty { reasons.append("Outlook has no day-of-year rules (BYYEARDAY)") }
        if case .count(let count) = end, count > 999 {
            reasons.append("Outlook accepts at most 999 occurrences (COUNT)")
        }
        switch frequency {
        case .daily:
            let weekdays: Set<Weekday> = [.monday, .tuesday, .wednesday, .thursday, .friday]
            if !byDay.isEmpty, Set(byDay.map(\.weekday)) != weekdays || byDay.contains(where: { $0.ordinal != nil }) {
                reasons.append("a daily rule in Outlook is every day or every weekday (BYDAY=MO,TU,WE,TH,FR)")
            }
            if !byMonth.isEmpty || !byMonthDay.isEmpty || !bySetPosition.isEmpty {
                reasons.append("a daily rule in Outlook cannot name months, days of the month or positions")
            }
        case .weekly:
            if !byMonth.isEmpty || !byMonthDay.isEmpty || !bySetPosition.isEmpty {
                reasons.append("a weekly rule in Outlook names only weekdays")
            }
        case .monthly, .yearly:
            reasons.append(contentsOf: outlookMonthlyPatternProblems)
        case .secondly, .minutely, .hourly:
            break
        }
        return reasons
    }

    /// Why Outlook would show meetings that do not happen, from DTSTART `start`; nil when it would not.
    ///
    /// Outlook's monthly and yearly templates put a day of the month that a month lacks (the
    /// 29th, 30th or 31st) on that month's last day, where RFC 5545, Rhythm and every other
    /// calendar leave the month out. The day comes from BYMONTHDAY or, when the rule names no
    /// day at all, from DTSTART.
    public func outlookMovedMonthDays(from start: LocalDateTime) -> String? {
        guard frequency == .monthly || frequency == .yearly else { return nil }
        let namesNoDay = byDay.isEmpty && byYearDay.isEmpty && byWeekNumber.isEmpty
        let days = byMonthDay.isEmpty ? (namesNoDay ? [start.date.day] : []) : byMonthDay
        let months = byMonth.isEmpty ? (frequency == .monthly ? Array(1...12) : [start.date.month]) : byMonth
        guard let day = days.filter({ day in months.contains { Self.fewestDays(in: $0) < day } }).max(),
            let shorter = months.first(where: { Self.fewestDays(in: $0) < day }),
            let lastDay = LocalDate(year: 2001, month: shorter, day: Self.fewestDays(in: shorter))
        else { return nil }
        return "Outlook moves a meeting on day \(day) of the month to the last day of shorter months, so people "
            + "who subscribe in Outlook will see meetings that do not happen (such as \(lastDay.day) "
            + "\(lastDay.monthName)); other calendars leave those months out, as Rhythm does"
    }

    /// The days a month has in a common year: Outlook moves the 29th of February too.
    private static func fewestDays(in month: Int) -> Int {
        LocalDate.daysIn(month: month, year: 2001)
    }

    /// Problems with the day-of-month or Nth-weekday pattern of a monthly or yearly rule.
    private var outlookMonthlyPatternProblems: [String] {
        var reasons: [String] = []
        let outlookPositions: Set<Int> = [1, 2, 3, 4, -1]
        if byMonth.count > 1 {
            reasons.append("Outlook allows one month per rule (BYMONTH has \(byMonth.count) values)")
        }
        if frequency == .monthly, !byMonth.isEmpty {
            reasons.append("a monthly rule in Outlook cannot be limited to some months (BYMONTH)")
        }
        if byMonthDay.count > 1 {
            reasons.append("Outlook allows one day of the month per rule (BYMONTHDAY has \(byMonthDay.count) values)")
        } else if let day = byMonthDay.first, day < 0, day != -1 {
            reasons.append("Outlook counts back from the end of the month only to the last day (BYMONTHDAY=-1)")
        }
        if !byMonthDay.isEmpty, !byDay.isEmpty {
            reasons.append("Outlook cannot combine a day of the month with weekdays (BYMONTHDAY with BYDAY)")
        }
        if bySetPosition.count > 1 {
            reasons.append("Outlook allows one position per rule (BYSETPOS has \(bySetPosition.count) values)")
        } else if let position = bySetPosition.first, !outlookPositions.contains(position) {
            reasons.append("Outlook knows only the first to fourth and the last (BYSETPOS=\(position))")
        }
        let ordinals = byDay.compactMap(\.ordinal)
        if !ordinals.isEmpty {
            if byDay.count > 1 || !bySetPosition.isEmpty {
                reasons.append("Outlook allows one Nth weekday per rule (such as BYDAY=2TU)")
            } else if let ordinal = ordinals.first, !outlookPositions.contains(ordinal) {
                reasons.append("Outlook knows only the first to fourth and the last weekday (BYDAY=\(ordinal)…)")
            }
        }
        return reasons
    }
}
