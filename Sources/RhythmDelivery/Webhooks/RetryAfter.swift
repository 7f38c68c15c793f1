import Foundation

/// Reads an HTTP `Retry-After` value: delay seconds, or an HTTP-date (the IMF-fixdate form,
/// `Sun, 06 Nov 1994 08:49:37 GMT`, plus the obsolete RFC 850 and asctime forms).
enum RetryAfter {
    /// The delay from `now`; nil when the value is not understood. A date in the past is no delay.
    static func parse(_ value: String, now: Date) -> Duration? {
        let text = value.trimmingCharacters(in: .whitespaces)
        if !text.isEmpty, text.allSatisfy({ $0.isASCII && $0.isNumber }) {
            guard let seconds = Int(text) else { return .seconds(Int.max / 1_000_000_000_000) }
            return .seconds(seconds)
        }
        for format in ["EEE, dd MMM yyyy HH:mm:ss zzz", "EEEE, dd-MMM-yy HH:mm:ss zzz", "EEE MMM d HH:mm:ss yyyy"] {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "GMT")
            formatter.dateFormat = format
            if let date = formatter.date(from: text) {
                return .seconds(max(0, Int(date.timeIntervalSince(now).rounded(.up))))
            }
        }
        return nil
    }
}
