/// The TEXT escaping of RFC 5545 §3.3.11, the classic source of broken SUMMARY and LOCATION
/// lines when a comma or semicolon slips through unescaped.
enum TextEscaping {
    /// Escapes backslash, semicolon and comma, turns CR LF, CR and LF into `\n`, and removes
    /// the other control characters (except HTAB), which TEXT cannot carry.
    static func escaped(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "\\": result += "\\\\"
            case ";": result += "\\;"
            case ",": result += "\\,"
            case "\r": result += "\\n"
            case "\n": if !previousWasCR { result += "\\n" }
            case "\t": result.unicodeScalars.append(scalar)
            default: if !ContentName.isControl(scalar) { result.unicodeScalars.append(scalar) }
            }
        }
        return result
    }

    /// Reverses `escaped(_:)`; `\N` also means a newline, and an unknown escape such as `\:`
    /// (which some generators write) yields the character without its backslash.
    static func unescaped(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var escaping = false
        for scalar in text.unicodeScalars {
            if escaping {
                result.unicodeScalars.append(scalar == "n" || scalar == "N" ? "\n" : scalar)
                escaping = false
            } else if scalar == "\\" {
                escaping = true
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        if escaping { result += "\\" }
        return result
    }
}
