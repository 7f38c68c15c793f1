/// Rules for the names of components, properties and parameters (RFC 5545 §3.1 `name`).
///
/// Names are case-insensitive in RFC 5545; keeping them upper-case in the model makes lookups
/// and the written bytes deterministic.
enum ContentName {
    /// Upper-cases `name` and removes every character other than ASCII letters, digits and `-`.
    static func normalized(_ name: String) -> String {
        String(String.UnicodeScalarView(name.unicodeScalars.filter(isNameScalar))).uppercased()
    }

    /// Whether `name` is a valid, non-empty iana-token or x-name.
    static func isValid(_ name: Substring) -> Bool {
        !name.isEmpty && name.unicodeScalars.allSatisfy(isNameScalar)
    }

    /// ASCII letters, digits and `-`, the only characters allowed in a name.
    static func isNameScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "A"..."Z", "a"..."z", "0"..."9", "-": true
        default: false
        }
    }

    /// The CONTROL characters of RFC 5545 §3.1 plus HTAB, which callers check for separately.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || scalar.value == 0x7F
    }
}
