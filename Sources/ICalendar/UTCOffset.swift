/// A UTC-OFFSET value (RFC 5545 §3.3.14): `+1000`, `-0430`, `+053730`.
///
/// VTIMEZONE observances state their offsets this way; seconds are written only when non-zero
/// because some clients reject the six-digit form they rarely see.
public struct UTCOffset: Hashable, Sendable {
    /// Seconds east of UTC, as `TimeZone.secondsFromGMT(for:)` reports them.
    public let seconds: Int

    /// Creates an offset of `seconds` east of UTC.
    public init(seconds: Int) {
        self.seconds = seconds
    }

    /// The text, with `+0000` for UTC because RFC 5545 forbids `-0000`.
    public var rfc5545Text: String {
        let magnitude = abs(seconds)
        var text = (seconds < 0 ? "-" : "+") + DigitText.padded(magnitude / 3600, width: 2)
        text += DigitText.padded(magnitude / 60 % 60, width: 2)
        if magnitude % 60 != 0 { text += DigitText.padded(magnitude % 60, width: 2) }
        return text
    }

    /// Reads `+HHMM` or `+HHMMSS`.
    public init(rfc5545Text text: some StringProtocol) throws(ICalendarError) {
        let text = Substring(text)
        let body = text.dropFirst()
        guard text.first == "+" || text.first == "-", body.utf8.count == 4 || body.utf8.count == 6,
            let hours = DigitText.number(body.prefix(2), width: 2),
            let minutes = DigitText.number(body.dropFirst(2).prefix(2), width: 2),
            let seconds = body.utf8.count == 6 ? DigitText.number(body.dropFirst(4), width: 2) : 0,
            minutes < 60, seconds < 60
        else {
            throw ICalendarError(
                code: .invalidValue, line: nil, message: "expected a UTC-OFFSET such as +1000, found '\(text)'")
        }
        let magnitude = hours * 3600 + minutes * 60 + seconds
        self.init(seconds: text.first == "-" ? -magnitude : magnitude)
    }
}
