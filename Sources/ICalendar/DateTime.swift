import Foundation

/// A DATE-TIME value in one of the three forms of RFC 5545 §3.3.5.
///
/// Rhythm writes meetings in `zoned` form (the wall clock plus the IANA zone, so that a rule
/// change moves the instant, not the meeting) and stamps in `utc` form. `floating` exists for
/// completeness and for reading other people's files: Google reads it as UTC, so avoid it.
public enum DateTime: Hashable, Sendable {
    /// An instant, written `20270406T000000Z`; sub-second parts are dropped.
    case utc(Date)
    /// A wall-clock reading that means the same clock time in every zone.
    case floating(WallClock)
    /// A wall-clock reading in the zone whose VTIMEZONE has this TZID.
    case zoned(WallClock, timeZoneID: String)

    /// The value text, without the TZID (which travels as a parameter).
    public var rfc5545Text: String {
        switch self {
        case .utc(let date):
            let seconds = Int(date.timeIntervalSince1970.rounded(.down))
            return WallClock(secondsSinceEpoch: seconds).rfc5545Text + "Z"
        case .floating(let clock), .zoned(let clock, _):
            return clock.rfc5545Text
        }
    }

    /// The TZID the value needs as a parameter, if any.
    public var timeZoneID: String? {
        if case .zoned(_, let identifier) = self { return identifier }
        return nil
    }

    /// Reads a DATE-TIME text; `timeZoneID` is the property's TZID parameter, if it has one.
    ///
    /// A `Z` suffix wins over a TZID, as RFC 5545 says the parameter must not be used with UTC.
    public init(rfc5545Text text: some StringProtocol, timeZoneID: String?) throws(ICalendarError) {
        let text = Substring(text)
        let isUTC = text.hasSuffix("Z")
        let clock = try WallClock(rfc5545Text: isUTC ? text.dropLast() : text)
        if isUTC {
            self = .utc(Date(timeIntervalSince1970: TimeInterval(clock.secondsSinceEpoch)))
        } else if let timeZoneID {
            self = .zoned(clock, timeZoneID: timeZoneID)
        } else {
            self = .floating(clock)
        }
    }
}
