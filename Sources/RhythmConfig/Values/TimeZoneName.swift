import Foundation
import RhythmCore

/// IANA time zone names (`Australia/Melbourne`), checked against the system's time-zone
/// database: every zone and link name it holds (`Asia/Kolkata` and `Asia/Calcutta` alike).
///
/// Abbreviations such as `AEST` are refused: they are ambiguous and do not follow daylight
/// saving, so meetings would drift by an hour twice a year.
enum TimeZoneName {
    private static let known = TimeZoneDatabase.system.names

    static func parse(_ text: String) -> Result<TimeZone, ValueProblem> {
        if let zone = TimeZone.named(text) {
            return .success(zone)
        }
        if let match = known.first(where: { $0.lowercased() == text.lowercased() }) {
            return .failure(ValueProblem("time zone names are written with exact capitals: \"\(match)\""))
        }
        if TimeZone.abbreviationDictionary[text.uppercased()] != nil || isAbbreviationLike(text) {
            let example = TimeZone.abbreviationDictionary[text.uppercased()].map { " such as \"\($0)\"" } ?? ""
            return .failure(
                ValueProblem(
                    "\"\(text)\" is an abbreviation, which is ambiguous and ignores daylight saving; "
                        + "use a region name\(example), as listed in the IANA time zone database"))
        }
        if let match = closest(to: text) {
            return .failure(ValueProblem("\"\(text)\" is not a known time zone; did you mean \"\(match)\"?"))
        }
        return .failure(
            ValueProblem(
                "\"\(text)\" is not a known time zone; use an IANA name such as Australia/Melbourne or Europe/London"))
    }

    private static func isAbbreviationLike(_ text: String) -> Bool {
        (2...5).contains(text.count) && text.allSatisfy { $0.isUppercase || $0.isNumber || $0 == "+" || $0 == "-" }
    }

    /// The closest zone by whole name, or by city alone when the region was left out.
    private static func closest(to text: String) -> String? {
        if let match = Suggestion.closest(to: text, in: known) { return match }
        guard !text.contains("/") else {
            let city = text.split(separator: "/").last.map(String.init) ?? text
            return known.first { $0.hasSuffix("/" + city) }
        }
        let cities = Dictionary(known.map { ($0.split(separator: "/").last.map(String.init) ?? $0, $0) }) { first, _ in
            first
        }
        return Suggestion.closest(to: text, in: cities.keys).flatMap { cities[$0] }
    }
}
