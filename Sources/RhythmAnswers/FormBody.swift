import Foundation

/// The fields of an `application/x-www-form-urlencoded` body, as browsers send forms.
struct FormBody: Sendable {
    /// Large enough for every answer form (a note is at most a few thousand characters).
    static let maximumSize = 64 * 1024

    private(set) var fields: [String: String] = [:]

    init(fields: [String: String]) {
        self.fields = fields
    }

    /// Reads `text`; a field given twice keeps its first value.
    init(parsing text: String) {
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decode(parts[0]) else { continue }
            let value = parts.count > 1 ? Self.decode(parts[1]) ?? "" : ""
            if fields[name] == nil { fields[name] = value }
        }
    }

    subscript(name: String) -> String? { fields[name] }

    /// The field's value trimmed of surrounding whitespace; nil when absent or empty.
    func text(_ name: String) -> String? {
        guard let value = fields[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else {
            return nil
        }
        return value
    }

    private static func decode(_ part: Substring) -> String? {
        part.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}
