import RhythmCore

/// What a request body said about one field.
enum Presence<Value> {
    /// The field is not in the body: unchanged on update, the default on create.
    case absent
    /// The field is `null`: cleared on update.
    case null
    case value(Value)
    /// The field is there but unusable; the reader has recorded why.
    case invalid

    /// The value, if there is a valid one.
    var value: Value? {
        if case .value(let value) = self { value } else { nil }
    }

    /// For store changes: nil to leave alone, `.some(nil)` to clear, `.some(value)` to set.
    var change: Value?? {
        switch self {
        case .absent, .invalid: nil
        case .null: .some(nil)
        case .value(let value): .some(value)
        }
    }
}

/// Reads a JSON object's fields one by one, collecting every problem instead of stopping at
/// the first, and notices fields nobody asked for.
struct FieldReader {
    private let object: [String: JSONValue]
    private var read: Set<String> = []
    private(set) var problems: [FieldProblem] = []

    init(_ object: [String: JSONValue]) {
        self.object = object
    }

    /// Whether the body has the field at all (even as null).
    func contains(_ name: String) -> Bool { object[name] != nil }

    /// Records a problem with a field.
    mutating func report(_ name: String, _ detail: String) {
        problems.append(.field(name, detail))
    }

    /// Records a problem found elsewhere than in the body's fields, such as in the path.
    mutating func problem(_ problem: FieldProblem) {
        problems.append(problem)
    }

    /// Reads a field, converting it with `convert`, which answers nil for a value of the
    /// wrong type; `required` fields may be neither absent nor null.
    mutating func field<Value>(
        _ name: String, required: Bool = false, expected: String, _ convert: (JSONValue) -> Value?
    ) -> Presence<Value> {
        read.insert(name)
        guard let raw = object[name] else {
            if required { report(name, "This field is required.") }
            return required ? .invalid : .absent
        }
        if raw == .null {
            if required { report(name, "This field is required and may not be null.") }
            return required ? .invalid : .null
        }
        guard let value = convert(raw) else {
            report(name, "Must be \(expected), not \(raw.typeName).")
            return .invalid
        }
        return .value(value)
    }

    mutating func string(_ name: String, required: Bool = false) -> Presence<String> {
        field(name, required: required, expected: "a string") {
            if case .string(let text) = $0 { text } else { nil }
        }
    }

    /// A string of 1 to `maxLength` characters that is not only white space.
    mutating func text(_ name: String, required: Bool = false, maxLength: Int) -> Presence<String> {
        let result = string(name, required: required)
        guard let text = result.value else { return result }
        if text.allSatisfy(\.isWhitespace) {
            report(name, "Must not be empty.")
            return .invalid
        }
        if text.count > maxLength {
            report(name, "Must be at most \(maxLength) characters long; it has \(text.count).")
            return .invalid
        }
        return result
    }

    /// A date written `YYYY-MM-DD`.
    mutating func date(_ name: String, required: Bool = false) -> Presence<LocalDate> {
        let result = string(name, required: required)
        guard let text = result.value else { return result.map { _ -> LocalDate? in nil } }
        guard text.count == 10, let date = LocalDate(iso: text) else {
            report(name, "Must be a date written YYYY-MM-DD, such as 2027-03-15.")
            return .invalid
        }
        return .value(date)
    }

    /// A whole number.
    mutating func integer(_ name: String, required: Bool = false) -> Presence<Int> {
        field(name, required: required, expected: "a whole number") {
            switch $0 {
            case .integer(let value): Int(exactly: value)
            case .number(let value) where value.rounded() == value: Int(exactly: value)
            default: nil
            }
        }
    }

    /// A finite number.
    mutating func number(_ name: String, required: Bool = false) -> Presence<Double> {
        field(name, required: required, expected: "a number") {
            switch $0 {
            case .integer(let value): Double(value)
            case .number(let value) where value.isFinite: value
            default: nil
            }
        }
    }

    /// Reports every field that was never read, then throws a 422 problem if anything was
    /// wrong.
    mutating func finish(kind: String) throws(APIProblem) {
        for name in object.keys.sorted() where !read.contains(name) {
            report(name, "Unknown field: \(kind) has no field named \"\(name)\".")
        }
        if !problems.isEmpty {
            throw APIProblem.invalidFields(problems)
        }
    }
}

extension Presence {
    /// Carries absent, null and invalid over; a value that cannot convert becomes invalid.
    fileprivate func map<Other>(_ transform: (Value) -> Other?) -> Presence<Other> {
        switch self {
        case .absent: .absent
        case .null: .null
        case .invalid: .invalid
        case .value(let value): transform(value).map { .value($0) } ?? .invalid
        }
    }
}
