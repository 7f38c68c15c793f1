import Foundation
import GRDB
import RhythmCore

/// The old and new values of the fields one change touched, written to `audit_entry.details`.
struct AuditDetails {
    /// A field's value as JSON knows it.
    enum Value: Equatable, Encodable {
        case null
        case text(String)
        case integer(Int)
        case number(Double)

        init(_ text: String?) { self = text.map(Value.text) ?? .null }
        init(_ date: LocalDate?) { self = date.map { .text($0.description) } ?? .null }
        init(_ number: Int?) { self = number.map(Value.integer) ?? .null }
        init(_ number: Double?) { self = number.map(Value.number) ?? .null }
        init(_ instant: Date?) { self = instant.map { .text($0.formatted(.iso8601)) } ?? .null }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .null: try container.encodeNil()
            case .text(let text): try container.encode(text)
            case .integer(let number): try container.encode(number)
            case .number(let number): try container.encode(number)
            }
        }
    }

    private struct Change: Encodable {
        let old: Value
        let new: Value

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(old, forKey: .old)
            try container.encode(new, forKey: .new)
        }

        private enum Keys: String, CodingKey {
            case old, new
        }
    }

    private var fields: [String: Change] = [:]

    /// Whether no field changed.
    var isEmpty: Bool { fields.isEmpty }

    /// Notes `field` when its value changed; an unchanged field is left out.
    mutating func record(_ field: String, old: Value, new: Value) {
        guard old != new else { return }
        fields[field] = Change(old: old, new: new)
    }

    /// The JSON object, keys sorted so that the same change always reads the same.
    var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding strings, integers and finite numbers cannot fail.
        return (try? encoder.encode(fields)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}

extension AppDatabase {
    /// Appends an audit entry inside the caller's transaction.
    static func audit(
        entity: String, id: Int64, change: String, details: AuditDetails, actor: String, now: Date, in db: Database
    ) throws {
        try db.execute(
            sql: "INSERT INTO audit_entry (at, actor, entity, entity_id, change, details) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [now, actor, entity, id, change, details.json]
        )
    }
}
