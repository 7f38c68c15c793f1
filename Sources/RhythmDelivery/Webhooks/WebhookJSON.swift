import Foundation

/// A JSON value tree that the payload builders assemble and `JSONEncoder` writes, so that every
/// string in a payload is escaped by the encoder and never by string concatenation.
enum WebhookJSON: Hashable, Sendable, Encodable, ExpressibleByStringLiteral, ExpressibleByDictionaryLiteral,
    ExpressibleByArrayLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral, ExpressibleByNilLiteral
{
    case string(String)
    case integer(Int)
    case bool(Bool)
    case array([WebhookJSON])
    case object([String: WebhookJSON])
    case null

    init(stringLiteral value: String) { self = .string(value) }
    init(integerLiteral value: Int) { self = .integer(value) }
    init(nilLiteral: ()) { self = .null }
    init(booleanLiteral value: Bool) { self = .bool(value) }
    init(arrayLiteral elements: WebhookJSON...) { self = .array(elements) }
    init(dictionaryLiteral elements: (String, WebhookJSON)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .bool(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        case .null: try container.encodeNil()
        }
    }

    /// The UTF-8 bytes with sorted keys and unescaped slashes, so that the same message always
    /// gives the same bytes (what golden tests and signatures need).
    func encoded() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding strings, integers, booleans, arrays and string-keyed objects cannot fail.
        return (try? encoder.encode(self)) ?? Data("{}".utf8)
    }
}
