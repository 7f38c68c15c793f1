import Foundation
import Hummingbird
import RhythmCore

/// Reads a list endpoint's query parameters, collecting every problem (unknown names, bad
/// values) for one 400 answer.
struct QueryReader {
    /// The page size when the client names none, and the largest it may ask for.
    static let defaultLimit = 50
    static let maximumLimit = 200

    private let values: [(name: String, value: String)]
    private var read: Set<String> = ["limit", "offset"]
    private(set) var problems: [FieldProblem] = []

    init(_ request: Request) {
        values = request.uri.queryParameters.map { (String($0.key), String($0.value)) }
    }

    private func all(_ name: String) -> [String] {
        values.filter { $0.name == name }.map(\.value)
    }

    /// The single value of a parameter; more than one is a problem.
    mutating func string(_ name: String) -> String? {
        read.insert(name)
        let found = all(name)
        if found.count > 1 {
            problems.append(.parameter(name, "Give \(name) at most once."))
            return nil
        }
        guard let value = found.first else { return nil }
        if value.isEmpty {
            problems.append(.parameter(name, "\(name) must not be empty."))
            return nil
        }
        return value
    }

    /// Every value of a repeatable parameter, also split at commas. An empty value (`status=`,
    /// or `status=open,`) is kept as `""`, so the caller refuses it like any value it does not
    /// know instead of treating the parameter as absent.
    mutating func list(_ name: String) -> [String] {
        read.insert(name)
        return all(name).flatMap {
            $0.split(separator: ",", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
        }
    }

    mutating func date(_ name: String) -> LocalDate? {
        guard let text = string(name) else { return nil }
        guard text.count == 10, let date = LocalDate(iso: text) else {
            problems.append(.parameter(name, "\(name) must be a date written YYYY-MM-DD."))
            return nil
        }
        return date
    }

    mutating func bool(_ name: String) -> Bool? {
        guard let text = string(name) else { return nil }
        switch text {
        case "true": return true
        case "false": return false
        default:
            problems.append(.parameter(name, "\(name) must be true or false."))
            return nil
        }
    }

    mutating func report(_ name: String, _ detail: String) {
        problems.append(.parameter(name, detail))
    }

    /// Reads `limit` (1-200, default 50) and `offset` (0 or more, default 0).
    mutating func page() -> (limit: Int, offset: Int) {
        var limit = Self.defaultLimit
        var offset = 0
        if let text = string("limit") {
            if let value = Int(text), (1...Self.maximumLimit).contains(value) {
                limit = value
            } else {
                report("limit", "limit must be a whole number from 1 to \(Self.maximumLimit).")
            }
        }
        if let text = string("offset") {
            if let value = Int(text), value >= 0 {
                offset = value
            } else {
                report("offset", "offset must be a whole number, 0 or more.")
            }
        }
        return (limit, offset)
    }

    /// Reports unknown parameters, then throws a 400 problem if anything was wrong.
    mutating func finish() throws(APIProblem) {
        var unknown: [String] = []
        for (name, _) in values where !read.contains(name) && !unknown.contains(name) {
            unknown.append(name)
        }
        for name in unknown {
            report(name, "Unknown query parameter \"\(name)\"; see /api/openapi.json for the ones this list takes.")
        }
        if !problems.isEmpty {
            throw APIProblem.invalidQuery(problems)
        }
    }
}
