/// A property parameter such as `TZID=Australia/Melbourne` or `MEMBER="mailto:a@x","mailto:b@x"`.
///
/// RFC 5545 §3.1 gives a parameter value no escape mechanism: a DQUOTE cannot appear in one,
/// and control characters other than HTAB are not allowed. Rather than fail when a caller
/// passes a display name such as `Ann "the Boss" Smith`, the initialiser deliberately
/// replaces each DQUOTE with an apostrophe (`'`), which keeps names readable, and removes the
/// control characters. RFC 6868 `^'` encoding is not used because Outlook does not decode it.
public struct Parameter: Hashable, Sendable {
    /// The upper-case parameter name, for example `TZID` or `X-RHYTHM-SOURCE`.
    public let name: String
    /// One or more values, in order; the writer quotes each one that needs it.
    public let values: [String]

    /// Creates a parameter with several values (`MEMBER`, `DELEGATED-TO`).
    ///
    /// The name is upper-cased and stripped of characters outside letters, digits and `-`;
    /// each value has DQUOTE replaced by `'` and control characters other than HTAB removed.
    public init(_ name: String, values: [String]) {
        self.name = ContentName.normalized(name)
        self.values = values.map(Self.sanitized)
    }

    /// Creates a parameter with a single value, the common case.
    public init(_ name: String, _ value: String) {
        self.init(name, values: [value])
    }

    /// The first value, which is the only one for almost every parameter.
    public var value: String { values.first ?? "" }

    /// Makes `value` representable in a parameter: see the type's documentation for why.
    static func sanitized(_ value: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in value.unicodeScalars {
            if scalar == "\"" {
                result.append("'")
            } else if scalar == "\t" || !ContentName.isControl(scalar) {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// Whether the writer must put the value in double quotes (RFC 5545 §3.1).
    static func needsQuotes(_ value: String) -> Bool {
        value.contains { $0 == ":" || $0 == ";" || $0 == "," }
    }
}

extension Parameter {
    /// `VALUE=DATE`, which DTSTART, DTEND, RDATE and EXDATE need when they hold dates.
    public static let valueDate = Parameter("VALUE", "DATE")
    /// `VALUE=PERIOD`, which RDATE needs when it holds periods.
    public static let valuePeriod = Parameter("VALUE", "PERIOD")

    /// `TZID=...`, naming the VTIMEZONE that interprets a local date-time.
    public static func timeZoneID(_ identifier: String) -> Parameter {
        Parameter("TZID", identifier)
    }
}
