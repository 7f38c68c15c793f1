import Foundation

/// One bad part of a request, as an entry of a problem's `errors` array: a JSON pointer
/// (RFC 6901) into the body, or the name of a query parameter.
struct FieldProblem: Hashable, Sendable {
    /// Where the problem is: `/due` in the body, or `limit` in the query.
    enum Location: Hashable, Sendable {
        case pointer(String)
        case parameter(String)
    }

    var location: Location
    var detail: String

    /// A problem with the body member `name` (escaped as RFC 6901 says).
    static func field(_ name: String, _ detail: String) -> FieldProblem {
        let escaped = name.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
        return FieldProblem(location: .pointer("/" + escaped), detail: detail)
    }

    /// A problem with the body as a whole.
    static func body(_ detail: String) -> FieldProblem {
        FieldProblem(location: .pointer(""), detail: detail)
    }

    /// A problem with the query parameter `name`.
    static func parameter(_ name: String, _ detail: String) -> FieldProblem {
        FieldProblem(location: .parameter(name), detail: detail)
    }

    var json: JSONValue {
        switch location {
        case .pointer(let pointer): .object(["pointer": .string(pointer), "detail": .string(detail)])
        case .parameter(let name): .object(["parameter": .string(name), "detail": .string(detail)])
        }
    }
}
