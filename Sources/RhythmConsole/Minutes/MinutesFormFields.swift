import Foundation

/// The fields of an `application/x-www-form-urlencoded` body, by name (the first value of a
/// name that appears twice).
struct MinutesFormFields: Sendable {
    private let values: [String: String]

    init(urlencoded body: String) {
        var values: [String: String] = [:]
        for pair in body.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decode(parts[0]) else { continue }
            let value = parts.count > 1 ? Self.decode(parts[1]) ?? "" : ""
            if values[name] == nil { values[name] = value }
        }
        self.values = values
    }

    /// The value of `name`, nil when the form has no such field.
    subscript(_ name: String) -> String? { values[name] }

    /// The value of `name` with the spaces around it removed; nil when absent or empty.
    func trimmed(_ name: String) -> String? {
        guard let value = values[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else {
            return nil
        }
        return value
    }

    private static func decode(_ text: Substring) -> String? {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}
