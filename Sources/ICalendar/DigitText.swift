/// Fixed-width decimal digits, the building block of every iCalendar date, time and offset.
///
/// Foundation's formatters depend on locale and platform; these few lines do not.
enum DigitText {
    /// `value` (non-negative) as exactly `width` digits, zero-padded.
    static func padded(_ value: Int, width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// The number spelled by `text` when it is exactly `width` ASCII digits.
    static func number(_ text: Substring, width: Int) -> Int? {
        guard text.utf8.count == width, text.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        return Int(text)
    }
}
