import Foundation

/// Turns bytes in a named MIME charset into text.
///
/// Covers what mail clients actually send: UTF-8, US-ASCII, ISO-8859-1, Windows-1252 (which
/// Outlook often labels as ISO-8859-1) and UTF-16. An unknown or lying label
/// falls back to UTF-8, then to ISO-8859-1, so decoding never fails.
enum Charset {
    static func decode(_ bytes: some Collection<UInt8>, charset: String?) -> String {
        let data = Data(bytes)
        if let encoding = encoding(named: charset), let text = String(data: data, encoding: encoding) {
            return text
        }
        return bytes.lenientText
    }

    private static func encoding(named name: String?) -> String.Encoding? {
        guard let name else { return nil }
        switch name.lowercased().trimmingCharacters(in: .whitespaces) {
        case "utf-8", "utf8": return .utf8
        case "us-ascii", "ascii": return .utf8
        // Windows-1252 is a superset of ISO-8859-1's printable range; decoding as 1252 reads
        // the curly quotes Outlook sends under either label.
        case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "windows-1252", "cp1252": return .windowsCP1252
        case "utf-16": return .utf16
        case "utf-16be": return .utf16BigEndian
        case "utf-16le": return .utf16LittleEndian
        default: return nil
        }
    }
}
