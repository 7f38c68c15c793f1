import RhythmCore

/// `holidays:`, single days (`date`) and periods (`from` and `to`) without meetings.
extension ConfigurationDecoder {
    /// A period longer than this is more likely a typo in a year than a real shutdown.
    private static let longestLikelyHoliday = 62

    func decodeHoliday(_ value: ConfigValue) -> HolidayPeriod? {
        guard let fields = fields(of: value, allowed: ["id", "name", "date", "from", "to"]) else { return nil }
        let id = identifier(fields, kind: .holiday)
        let name = fields.required("name").flatMap(text)
        let single = fields.optional("date").map(date)
        let from = fields.optional("from").map(date)
        let to = fields.optional("to").map(date)
        switch (single, from, to) {
        case (.some, nil, nil), (nil, .some, .some):
            break
        case (nil, nil, nil):
            log.error(
                "a holiday needs either date: (one day) or from: and to: (a period)", at: value.mark, path: value.path)
            return nil
        case (.some, _, _):
            log.error(
                "give either date: (one day) or from: and to: (a period), not both",
                at: fields.keyMark("date"), path: value.path.appending("date"))
            return nil
        case (nil, .some, nil):
            log.error("the period has from: but no to:; add the last day", at: value.mark, path: value.path)
            return nil
        case (nil, nil, .some):
            log.error("the period has to: but no from:; add the first day", at: value.mark, path: value.path)
            return nil
        }
        guard let id, let name else { return nil }
        if let day = single {
            guard let day else { return nil }
            return HolidayPeriod(id: id, name: name, firstDay: day, lastDay: day)
        }
        guard let first = from ?? nil, let last = to ?? nil else { return nil }
        if last < first {
            log.error(
                "the period ends (\(last)) before it begins (\(first)); swap from: and to:",
                at: fields.optional("to")?.mark, path: value.path.appending("to"))
            return nil
        }
        if first.days(to: last) > Self.longestLikelyHoliday {
            log.warning(
                "this period lasts \(first.days(to: last) + 1) days; check the years of from: and to:",
                at: fields.optional("to")?.mark, path: value.path.appending("to"))
        }
        return HolidayPeriod(id: id, name: name, firstDay: first, lastDay: last)
    }
}
