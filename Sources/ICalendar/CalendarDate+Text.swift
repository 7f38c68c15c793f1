extension CalendarDate {
    /// The DATE form of RFC 5545 §3.3.4, `20270406`.
    public var rfc5545Text: String {
        DigitText.padded(year, width: 4) + DigitText.padded(month, width: 2) + DigitText.padded(day, width: 2)
    }

    /// Reads the DATE form, so that all-day events and holidays can be imported.
    public init(rfc5545Text text: some StringProtocol) throws(ICalendarError) {
        let text = Substring(text)
        guard text.utf8.count == 8,
            let year = DigitText.number(text.prefix(4), width: 4),
            let month = DigitText.number(text.dropFirst(4).prefix(2), width: 2),
            let day = DigitText.number(text.dropFirst(6), width: 2),
            let date = CalendarDate(year: year, month: month, day: day)
        else {
            throw ICalendarError(
                code: .invalidValue, line: nil, message: "expected a DATE such as 20270406, found '\(text)'")
        }
        self = date
    }
}
