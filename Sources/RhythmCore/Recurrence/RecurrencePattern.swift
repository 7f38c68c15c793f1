/// A rule prepared for one DTSTART: the parts DTSTART supplies are filled in, and every list is
/// turned into a bit mask so that testing a candidate day costs a few integer operations.
///
/// Expansion works period by period, as RFC 5545 section 3.8.5.3 describes: a period is the
/// year, month, week, day, hour, minute or second that FREQ names, and period `k` is the one
/// `k * INTERVAL` units after the period containing DTSTART. For FREQ=DAILY and coarser, a
/// period's set is every day in it that passes the day parts, crossed with the times of day,
/// then thinned by BYSETPOS. Expanding parts (RFC 5545 p. 44) are the ones left unrestricted
/// inside the period; limiting parts are the ones tested against a period's own date.
/// Finer frequencies test the period's date and time and add the expanding offsets
/// (BYMINUTE and BYSECOND for HOURLY, BYSECOND for MINUTELY).
struct RecurrencePattern: Sendable {
    /// One BYDAY entry with an ordinal, as integers.
    private struct OrdinalWeekday: Sendable {
        var weekday: Int
        var ordinal: Int
    }

    let frequency: RecurrenceRule.Frequency
    let interval: Int
    let start: LocalDateTime
    /// DTSTART as wall-clock seconds since 1970, the origin of the sub-daily period grid.
    let startSeconds: Int

    /// Bit `m` set for each allowed month; 0 allows every month.
    private let monthMask: UInt64
    /// The months a yearly period visits, ascending.
    private let months: [Int]
    /// Bits 1...31 for days counted from the start, 33...63 for -1...-31; 0 allows every day.
    private let monthDayMask: UInt64
    private let yearDays: [Int]
    private let weekNumbers: [Int]
    /// Bit `w` (ISO index, Monday 0) for weekdays allowed without an ordinal.
    private let weekdayMask: Int
    private let ordinalWeekdays: [OrdinalWeekday]
    /// Whether BYDAY restricts days at all.
    private let filtersWeekdays: Bool
    /// Whether BYDAY ordinals count within the year rather than the month.
    private let ordinalsCountInYear: Bool
    private let weekStart: Int
    /// Bit masks used to limit sub-daily periods; 0 allows everything.
    private let hourMask: UInt64
    private let minuteMask: UInt64
    private let secondMask: UInt64
    /// For DAILY and coarser: the times of day, as ascending seconds since midnight.
    private let timesOfDay: [Int]
    /// For finer frequencies: the seconds after a period's start of its occurrences, already
    /// thinned by BYSETPOS because every period's set has the same shape.
    private let offsetsInPeriod: [Int]
    private let setPositions: [Int]
    /// The length of a sub-daily period (3600, 60 or 1), or 0 for daily and coarser frequencies.
    private let unitSeconds: Int
    /// For finer frequencies: whether any period can start at an hour, minute and second that
    /// BYHOUR, BYMINUTE and BYSECOND allow.
    private let someTimeCanMatch: Bool

    /// The last wall-clock second that RFC 5545 can write (9999-12-31T23:59:59): no period starts later.
    static let lastRepresentableSecond = 2_932_896 * 86_400 + 86_399

    init(rule: RecurrenceRule, start: LocalDateTime) {
        frequency = rule.frequency
        interval = max(1, rule.interval)
        self.start = start
        startSeconds = start.secondsSinceEpoch
        weekStart = rule.weekStart.isoIndex
        setPositions = rule.bySetPosition

        // RFC 5545: parts the rule leaves out are taken from DTSTART.
        var byMonth = rule.byMonth
        var byMonthDay = rule.byMonthDay
        var byDay = rule.byDay
        if rule.byWeekNumber.isEmpty && rule.byYearDay.isEmpty && byMonthDay.isEmpty && byDay.isEmpty {
            switch rule.frequency {
            case .yearly:
                if byMonth.isEmpty { byMonth = [start.date.month] }
                byMonthDay = [start.date.day]
            case .monthly:
                byMonthDay = [start.date.day]
            case .weekly:
                byDay = [.init(start.date.weekday)]
            default:
                break
            }
        } else if !rule.byWeekNumber.isEmpty && rule.byYearDay.isEmpty && byMonthDay.isEmpty && byDay.isEmpty {
            // The week comes from the rule and the day of the week from DTSTART, as libical does.
            byDay = [.init(start.date.weekday)]
        }
        let rank = rule.frequency.rank
        let hours = (rule.byHour.isEmpty && rank >= 3 ? [start.time.hour] : rule.byHour).filter {
            (0...23).contains($0)
        }
        let minutes = (rule.byMinute.isEmpty && rank >= 2 ? [start.time.minute] : rule.byMinute)
            .filter { (0...59).contains($0) }
        // A wall clock has no leap second, so BYSECOND=60 never produces a reading.
        let seconds = (rule.bySecond.isEmpty && rank >= 1 ? [start.time.second] : rule.bySecond)
            .filter { (0...59).contains($0) }

        monthMask = Self.mask(byMonth, valid: 1...12) { $0 }
        months = byMonth.isEmpty ? Array(1...12) : Array(Set(byMonth.filter { (1...12).contains($0) })).sorted()
        monthDayMask = Self.mask(byMonthDay, valid: -31...31) { $0 > 0 ? $0 : 32 - $0 }
        yearDays = rule.byYearDay
        weekNumbers = rule.byWeekNumber
        filtersWeekdays = !byDay.isEmpty
        let ordinalsApply = rule.frequency == .monthly || rule.frequency == .yearly
        // Ordinals only mean something within a month or year; elsewhere they name every such weekday.
        weekdayMask = byDay.reduce(0) { $1.ordinal == nil || !ordinalsApply ? $0 | (1 << $1.weekday.isoIndex) : $0 }
        ordinalWeekdays = byDay.compactMap { entry in
            guard let ordinal = entry.ordinal, ordinalsApply else { return nil }
            return OrdinalWeekday(weekday: entry.weekday.isoIndex, ordinal: ordinal)
        }
        // RFC 5545: a YEARLY ordinal counts within the month when BYMONTH is present.
        ordinalsCountInYear = !ordinalWeekdays.isEmpty && rule.frequency == .yearly && byMonth.isEmpty
        hourMask = Self.mask(rule.byHour, valid: 0...23) { $0 }
        minuteMask = Self.mask(rule.byMinute, valid: 0...59) { $0 }
        secondMask = Self.mask(rule.bySecond, valid: 0...60) { $0 }

        switch rule.frequency {
        case .hourly: unitSeconds = 3600
        case .minutely: unitSeconds = 60
        case .secondly: unitSeconds = 1
        default: unitSeconds = 0
        }
        var times: [Int] = []
        for hour in hours where unitSeconds == 0 {
            for minute in minutes {
                for second in seconds { times.append(hour * 3600 + minute * 60 + second) }
            }
        }
        timesOfDay = Array(Set(times)).sorted()
        var offsets: [Int] = []
        switch rule.frequency {
        case .hourly:
            for minute in minutes {
                for second in seconds { offsets.append(minute * 60 + second) }
            }
        case .minutely:
            offsets = seconds
        case .secondly:
            offsets = [0]
        default:
            break
        }
        offsets = Array(Set(offsets)).sorted()
        offsetsInPeriod = Self.select(positions: rule.bySetPosition, from: offsets)
        let (step, overflow) = interval.multipliedReportingOverflow(by: max(1, unitSeconds))
        someTimeCanMatch =
            unitSeconds == 0 || overflow
            || Self.someTimeOfDayMatches(
                origin: startSeconds - Self.floorMod(startSeconds, unitSeconds), step: step, unitSeconds: unitSeconds,
                hours: hourMask, minutes: minuteMask, seconds: secondMask)
    }

    /// The most readings one period can hold before BYSETPOS: its days times the times of day.
    var largestPeriodSize: Int {
        switch frequency {
        case .yearly: 366 * timesOfDay.count
        case .monthly: 31 * timesOfDay.count
        case .weekly: 7 * timesOfDay.count
        case .daily: timesOfDay.count
        case .hourly, .minutely, .secondly: offsetsInPeriod.count
        }
    }

    /// Whether no period can ever hold an occurrence, whatever its date.
    var isEmpty: Bool { unitSeconds == 0 ? timesOfDay.isEmpty : offsetsInPeriod.isEmpty || !someTimeCanMatch }

    // MARK: - Periods

    /// The wall-clock second at which period `k` starts, or nil when it starts after 9999 or
    /// too far away to compute.
    func periodStart(_ k: Int) -> Int? {
        let (steps, overflow) = k.multipliedReportingOverflow(by: interval)
        guard !overflow, steps < 1_000_000_000 else { return nil }
        let seconds: Int
        switch frequency {
        case .yearly:
            guard start.date.year + steps <= 9999 else { return nil }
            seconds = LocalDate(uncheckedYear: start.date.year + steps, month: 1, day: 1).dayNumber * 86_400
        case .monthly:
            let monthIndex = start.date.year * 12 + start.date.month - 1 + steps
            guard monthIndex / 12 <= 9999 else { return nil }
            seconds = LocalDate(uncheckedYear: monthIndex / 12, month: monthIndex % 12 + 1, day: 1).dayNumber * 86_400
        case .weekly:
            seconds = (firstDayOfStartWeek + 7 * steps) * 86_400
        case .daily:
            seconds = (start.date.dayNumber + steps) * 86_400
        case .hourly, .minutely, .secondly:
            let (offset, overflow) = steps.multipliedReportingOverflow(by: unitSeconds)
            guard !overflow else { return nil }
            seconds = subDailyOrigin + offset
        }
        return seconds <= Self.lastRepresentableSecond ? seconds : nil
    }

    /// Appends period `k`'s occurrences, as ascending wall-clock seconds, to `occurrences`, and
    /// returns the next period worth looking at (later than `k + 1` when sub-daily periods can be
    /// skipped because their day or hour is excluded). `days` is scratch space kept by the caller
    /// so that no period allocates.
    func appendOccurrences(ofPeriod k: Int, startingAt periodStart: Int, to occurrences: inout [Int], days: inout [Int])
        -> Int
    {
        if unitSeconds > 0 {
            if let skipTo = firstSecondWorthChecking(inPeriodAt: periodStart) {
                let (step, overflow) = interval.multipliedReportingOverflow(by: unitSeconds)
                guard !overflow else { return k + 1 }
                return max(k + 1, (skipTo - subDailyOrigin + step - 1) / step)
            }
            for offset in offsetsInPeriod { occurrences.append(periodStart + offset) }
            return k + 1
        }
        days.removeAll(keepingCapacity: true)
        let firstDay = periodStart / 86_400
        switch frequency {
        case .yearly:
            let year = LocalDate(dayNumber: firstDay).year
            for month in months {
                let monthStart = LocalDate(uncheckedYear: year, month: month, day: 1).dayNumber
                appendMatchingDays(from: monthStart, count: LocalDate.daysIn(month: month, year: year), to: &days)
            }
        case .monthly:
            let date = LocalDate(dayNumber: firstDay)
            if monthMask == 0 || monthMask & (1 << date.month) != 0 {
                appendMatchingDays(
                    from: firstDay, count: LocalDate.daysIn(month: date.month, year: date.year), to: &days)
            }
        case .weekly:
            appendMatchingDays(from: firstDay, count: 7, to: &days)
        default:
            appendMatchingDays(from: firstDay, count: 1, to: &days)
        }
        let first = occurrences.count
        for day in days {
            for time in timesOfDay { occurrences.append(day * 86_400 + time) }
        }
        if !setPositions.isEmpty {
            let selected = Self.select(positions: setPositions, from: occurrences[first...])
            occurrences.removeSubrange(first...)
            occurrences.append(contentsOf: selected)
        }
        return k + 1
    }

    /// Whether `reading` is one of the rule's own occurrences from `start`, leaving aside that
    /// DTSTART itself always counts and that COUNT or UNTIL may end the series.
    func contains(_ reading: LocalDateTime) -> Bool {
        let seconds = reading.secondsSinceEpoch
        guard seconds >= startSeconds, !isEmpty, largestPeriodSize <= RecurrenceSequence.Limits.maximumPeriodSize
        else { return false }
        let units: Int
        switch frequency {
        case .yearly:
            units = reading.date.year - start.date.year
        case .monthly:
            units = (reading.date.year - start.date.year) * 12 + reading.date.month - start.date.month
        case .weekly:
            units = (reading.date.dayNumber - firstDayOfStartWeek) / 7
        case .daily:
            units = reading.date.dayNumber - start.date.dayNumber
        case .hourly, .minutely, .secondly:
            units = (seconds - subDailyOrigin) / unitSeconds
        }
        guard units % interval == 0, let periodStart = periodStart(units / interval) else { return false }
        var occurrences: [Int] = []
        var days: [Int] = []
        _ = appendOccurrences(ofPeriod: units / interval, startingAt: periodStart, to: &occurrences, days: &days)
        return occurrences.contains(seconds)
    }

    // MARK: - Days

    private var firstDayOfStartWeek: Int {
        start.date.dayNumber - (start.date.weekday.isoIndex - weekStart + 7) % 7
    }

    /// DTSTART truncated to the start of its hour, minute or second: period 0 of a sub-daily rule.
    private var subDailyOrigin: Int { startSeconds - Self.floorMod(startSeconds, max(1, unitSeconds)) }

    /// Appends the days among `count` consecutive days from `firstDay` that pass the day parts.
    private func appendMatchingDays(from firstDay: Int, count: Int, to days: inout [Int]) {
        let date = LocalDate(dayNumber: firstDay)
        var year = date.year
        var month = date.month
        var day = date.day
        var daysInMonth = LocalDate.daysIn(month: month, year: year)
        var weekday = Self.weekdayIndex(firstDay)
        for dayNumber in firstDay..<(firstDay + count) {
            if matchesDay(dayNumber, year: year, month: month, day: day, daysInMonth: daysInMonth, weekday: weekday) {
                days.append(dayNumber)
            }
            weekday = weekday == 6 ? 0 : weekday + 1
            day += 1
            if day > daysInMonth {
                day = 1
                month += 1
                if month > 12 {
                    month = 1
                    year += 1
                }
                daysInMonth = LocalDate.daysIn(month: month, year: year)
            }
        }
    }

    /// Whether one day passes BYMONTH, BYMONTHDAY, BYYEARDAY, BYWEEKNO and BYDAY.
    private func matchesDay(_ dayNumber: Int, year: Int, month: Int, day: Int, daysInMonth: Int, weekday: Int)
        -> Bool
    {
        if monthMask != 0 && monthMask & (1 << month) == 0 { return false }
        if monthDayMask != 0 && monthDayMask & (1 << UInt64(day) | 1 << UInt64(33 + daysInMonth - day)) == 0 {
            return false
        }
        if !yearDays.isEmpty || ordinalsCountInYear || !weekNumbers.isEmpty {
            let yearStart = LocalDate(uncheckedYear: year, month: 1, day: 1).dayNumber
            let dayOfYear = dayNumber - yearStart + 1
            let daysInYear = LocalDate.daysIn(year: year)
            if !yearDays.isEmpty && !yearDays.contains(where: { $0 == dayOfYear || $0 == dayOfYear - daysInYear - 1 }) {
                return false
            }
            if !weekNumbers.isEmpty && !matchesWeekNumber(dayNumber, year: year) { return false }
            if ordinalsCountInYear {
                return matchesWeekday(weekday, position: dayOfYear, length: daysInYear)
            }
        }
        if filtersWeekdays {
            return matchesWeekday(weekday, position: day, length: daysInMonth)
        }
        return true
    }

    /// Whether a day that is the `position`th of a month or year of `length` days passes BYDAY.
    private func matchesWeekday(_ weekday: Int, position: Int, length: Int) -> Bool {
        if weekdayMask & (1 << weekday) != 0 { return true }
        for entry in ordinalWeekdays where entry.weekday == weekday {
            if entry.ordinal == (position - 1) / 7 + 1 || entry.ordinal == -((length - position) / 7 + 1) {
                return true
            }
        }
        return false
    }

    /// Whether a day lies in one of the BYWEEKNO weeks: weeks start on WKST and week 1 is the
    /// first with at least four days in its year, as in ISO 8601. A day may belong to the last
    /// week of the previous year or the first week of the next.
    private func matchesWeekNumber(_ dayNumber: Int, year: Int) -> Bool {
        var weekYear = year
        var weekOne = firstDayOfWeekOne(year)
        if dayNumber < weekOne {
            weekYear -= 1
            weekOne = firstDayOfWeekOne(weekYear)
        } else {
            let next = firstDayOfWeekOne(year + 1)
            if dayNumber >= next {
                weekYear += 1
                weekOne = next
            }
        }
        let week = (dayNumber - weekOne) / 7 + 1
        let weeksInYear = (firstDayOfWeekOne(weekYear + 1) - weekOne) / 7
        return weekNumbers.contains { $0 == week || $0 == week - weeksInYear - 1 }
    }

    private func firstDayOfWeekOne(_ year: Int) -> Int {
        let januaryFirst = LocalDate(uncheckedYear: year, month: 1, day: 1).dayNumber
        let daysIntoWeek = (Self.weekdayIndex(januaryFirst) - weekStart + 7) % 7
        return daysIntoWeek <= 3 ? januaryFirst - daysIntoWeek : januaryFirst - daysIntoWeek + 7
    }

    /// For a sub-daily period starting at `periodStart`: nil when its date and time pass the
    /// limiting parts, otherwise the first wall-clock second at which a period could pass.
    private func firstSecondWorthChecking(inPeriodAt periodStart: Int) -> Int? {
        let dayNumber = (periodStart - Self.floorMod(periodStart, 86_400)) / 86_400
        let date = LocalDate(dayNumber: dayNumber)
        let daysInMonth = LocalDate.daysIn(month: date.month, year: date.year)
        let weekday = Self.weekdayIndex(dayNumber)
        if !matchesDay(
            dayNumber, year: date.year, month: date.month, day: date.day, daysInMonth: daysInMonth, weekday: weekday)
        {
            return (dayNumber + 1) * 86_400
        }
        let secondOfDay = periodStart - dayNumber * 86_400
        return Self.timeSkip(
            secondOfDay, unitSeconds: unitSeconds, hours: hourMask, minutes: minuteMask, seconds: secondMask
        )
        .map { periodStart + $0 }
    }

    /// For a sub-daily period starting `secondOfDay` seconds after midnight: nil when its hour,
    /// minute and second pass the limiting BYHOUR, BYMINUTE and BYSECOND, otherwise how many
    /// seconds later the next hour or minute worth trying starts.
    private static func timeSkip(
        _ secondOfDay: Int, unitSeconds: Int, hours: UInt64, minutes: UInt64, seconds: UInt64
    ) -> Int? {
        if hours != 0 && hours & (1 << (secondOfDay / 3600)) == 0 {
            return 3600 - secondOfDay % 3600
        }
        if unitSeconds < 3600 && minutes != 0 && minutes & (1 << (secondOfDay % 3600 / 60)) == 0 {
            return 60 - secondOfDay % 60
        }
        if unitSeconds == 1 && seconds != 0 && seconds & (1 << (secondOfDay % 60)) == 0 {
            return 1
        }
        return nil
    }

    /// Whether any sub-daily period can start at a time of day that passes BYHOUR, BYMINUTE and
    /// BYSECOND. Period starts fall on `origin + k * step`, so the times of day they reach are
    /// those congruent to `origin` modulo gcd(step, 86400); checking each once up front stops
    /// rules such as FREQ=SECONDLY;INTERVAL=2;BYSECOND=1 from an even second, or BYSECOND=60,
    /// from scanning billions of periods that can never match.
    private static func someTimeOfDayMatches(
        origin: Int, step: Int, unitSeconds: Int, hours: UInt64, minutes: UInt64, seconds: UInt64
    ) -> Bool {
        guard hours | minutes | seconds != 0 else { return true }
        var gcd = 86_400
        var remainder = step % 86_400
        while remainder != 0 { (gcd, remainder) = (remainder, gcd % remainder) }
        let first = floorMod(origin, gcd)
        return stride(from: first, to: 86_400, by: gcd).contains {
            timeSkip($0, unitSeconds: unitSeconds, hours: hours, minutes: minutes, seconds: seconds) == nil
        }
    }

    /// The remainder of `value / divisor` in `0..<divisor`, also for values before 1970.
    static func floorMod(_ value: Int, _ divisor: Int) -> Int {
        ((value % divisor) + divisor) % divisor
    }

    /// A bit mask of `values`, each at bit `bit(value)`. A value outside `valid` (possible only in
    /// a rule built in code, since the parser refuses them) sets bit 63, which no month, day,
    /// hour, minute or second reaches, so that it matches nothing rather than something wrong.
    private static func mask(_ values: [Int], valid: ClosedRange<Int>, bit: (Int) -> Int) -> UInt64 {
        values.reduce(UInt64(0)) { mask, value in
            mask | 1 << UInt64(valid.contains(value) && (value != 0 || valid.lowerBound == 0) ? bit(value) : 63)
        }
    }

    private static func weekdayIndex(_ dayNumber: Int) -> Int {
        ((dayNumber % 7) + 7 + 3) % 7
    }

    /// BYSETPOS: the elements at the given 1-based positions (negative counts from the end) of an
    /// ascending set, ascending and without repeats.
    private static func select(positions: [Int], from set: some Collection<Int>) -> [Int] {
        guard !positions.isEmpty else { return Array(set) }
        let elements = Array(set)
        var indices: [Int] = []
        for position in positions {
            let index = position > 0 ? position - 1 : elements.count + position
            if index >= 0 && index < elements.count { indices.append(index) }
        }
        return Array(Set(indices)).sorted().map { elements[$0] }
    }
}

extension RecurrenceRule.Frequency {
    /// 0 for SECONDLY up to 6 for YEARLY, so that "coarser than" is a comparison.
    fileprivate var rank: Int { Self.allCases.firstIndex(of: self) ?? 0 }
}
