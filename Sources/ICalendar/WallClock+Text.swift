extension WallClock {
    /// The local form of RFC 5545 §3.3.5, `20270406T100000`.
    public var rfc5545Text: String {
        date.rfc5545Text + "T" + DigitText.padded(hour, width: 2) + DigitText.padded(minute, width: 2)
            + DigitText.padded(second, width: 2)
    }

    /// Reads the local form, without a `Z`.
    public init(rfc5545Text text: some StringProtocol) throws(ICalendarError) {
        let text = Substring(text)
        let parts = text.split(separator: "T", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[1].utf8.count == 6,
            let hour = DigitText.number(parts[1].prefix(2), width: 2),
            let minute = DigitText.number(parts[1].dropFirst(2).prefix(2), width: 2),
            let second = DigitText.number(parts[1].dropFirst(4), width: 2),
            let date = try? CalendarDate(rfc5545Text: parts[0]),
            let clock = WallClock(date: date, hour: hour, minute: minute, second: second)
        else {
            throw ICalendarError(
                code: .invalidValue, line: nil,
                message: "expected a DATE-TIME such as 20270406T100000, found '\(text)'")
        }
        self = clock
    }
}
