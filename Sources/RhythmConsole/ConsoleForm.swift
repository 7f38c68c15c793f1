import Foundation
import Hummingbird

/// The fields of an urlencoded form a console page posted, read once: the first value of a
/// name that appears twice counts.
struct ConsoleForm: Sendable {
    private let values: [String: String]

    init(_ text: String) {
        var values: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decode(parts[0]) else { continue }
            let value = parts.count > 1 ? Self.decode(parts[1]) ?? "" : ""
            if values[name] == nil { values[name] = value }
        }
        self.values = values
    }

    /// Reads the body of `request` (the guard has already read it, within its size limit).
    static func read(_ request: Request) async throws -> ConsoleForm {
        var request = request
        let body = try await request.collectBody(upTo: ConsoleGuard<BasicRequestContext>.maximumFormSize)
        return ConsoleForm(String(buffer: body))
    }

    /// The field's value as sent; nil when the form has no such field.
    subscript(_ name: String) -> String? { values[name] }

    /// The field's value with surrounding white space removed; nil when it is missing or empty.
    func text(_ name: String) -> String? {
        let value = values[name]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        return value.isEmpty ? nil : value
    }

    /// Whether a checkbox named `name` was ticked.
    func isChecked(_ name: String) -> Bool {
        values[name] != nil
    }

    /// The values of `names` as sent (untrimmed), for a form shown again with its problems.
    func values(_ names: [String]) -> [String: String] {
        values.filter { names.contains($0.key) }
    }

    private static func decode(_ text: Substring) -> String? {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}
