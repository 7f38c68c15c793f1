import Foundation
import HTTPTypes
import Hummingbird

/// Why the API refused or failed a request, sent as an RFC 9457 problem-details body.
///
/// The module's one error type: a struct over a private code, so that new kinds of problem
/// do not break anyone who switches over it. Its texts never hold a token or a stored value
/// the caller is not allowed to see.
struct APIProblem: Error, HTTPResponseError, CustomStringConvertible {
    private enum Code: String {
        case malformedJSON = "malformed-json"
        case invalidQuery = "invalid-query"
        case invalidFields = "invalid-fields"
        case unauthenticated = "unauthenticated"
        case invalidToken = "invalid-token"
        case insufficientScope = "insufficient-scope"
        case forbidden = "forbidden"
        case notFound = "not-found"
        case methodNotAllowed = "method-not-allowed"
        case bodyTooLarge = "body-too-large"
        case unsupportedMediaType = "unsupported-media-type"
        case internalError = "internal-error"
    }

    private let code: Code
    /// A human-readable explanation of this occurrence.
    let detail: String
    /// Every bad field or parameter, for 400 and 422, and every reference out of a
    /// partner-limited token's reach, for 403.
    let errors: [FieldProblem]
    private var extraHeaders: HTTPFields = [:]

    private init(_ code: Code, _ detail: String, errors: [FieldProblem] = []) {
        self.code = code
        self.detail = detail
        self.errors = errors
    }

    /// The body is not JSON; `detail` says where the parser stopped when it knows.
    static func malformedJSON(_ detail: String) -> Self { .init(.malformedJSON, detail) }
    /// Query parameters that are unknown or have bad values.
    static func invalidQuery(_ errors: [FieldProblem]) -> Self {
        .init(
            .invalidQuery, "The query has \(errors.count == 1 ? "a bad parameter" : "bad parameters").", errors: errors)
    }
    /// A JSON body whose fields break the rules or the initiative's references.
    static func invalidFields(_ errors: [FieldProblem]) -> Self {
        .init(
            .invalidFields, "The request has \(errors.count == 1 ? "an invalid field" : "invalid fields").",
            errors: errors)
    }
    /// No bearer token was presented.
    static var unauthenticated: Self {
        var problem = Self(.unauthenticated, "This endpoint needs an `Authorization: Bearer <token>` header.")
        problem.extraHeaders[.wwwAuthenticate] = "Bearer realm=\"rhythm\""
        return problem
    }
    /// The token is unknown, malformed or revoked: all read the same.
    static var invalidToken: Self {
        var problem = Self(.invalidToken, "The bearer token is not valid.")
        problem.extraHeaders[.wwwAuthenticate] = "Bearer realm=\"rhythm\", error=\"invalid_token\""
        return problem
    }
    /// A read token asked to change something.
    static var insufficientScope: Self {
        var problem = Self(.insufficientScope, "This token may only read; changes need a token with the write scope.")
        problem.extraHeaders[.wwwAuthenticate] =
            "Bearer realm=\"rhythm\", error=\"insufficient_scope\", scope=\"write\""
        return problem
    }
    /// A partner-limited token reached for another partner's data.
    static func forbidden(_ detail: String) -> Self { .init(.forbidden, detail) }
    /// A partner-limited token's body names people, groups, series or a partner outside
    /// its partner, each in `errors` with its JSON pointer.
    static func outsidePartner(_ partnerID: String, _ errors: [FieldProblem]) -> Self {
        .init(
            .forbidden,
            "This token is limited to partner \(partnerID), and the request names "
                + "\(errors.count == 1 ? "something" : "things") outside it.",
            errors: errors)
    }
    /// Nothing here, or nothing this token may see (the two read the same).
    static func notFound(_ detail: String) -> Self { .init(.notFound, detail) }
    /// The path exists but not with this method.
    static func methodNotAllowed(allowed: [HTTPRequest.Method]) -> Self {
        let list = allowed.map(\.rawValue).joined(separator: ", ")
        var problem = Self(.methodNotAllowed, "This resource answers \(list) only.")
        problem.extraHeaders[.allow] = list
        return problem
    }
    /// The body is over the limit; refused before it is read in full.
    static func bodyTooLarge(limit: Int) -> Self {
        .init(.bodyTooLarge, "The request body is larger than \(limit) bytes.")
    }
    /// The body is not `application/json`.
    static var unsupportedMediaType: Self {
        var problem = Self(.unsupportedMediaType, "Send the body as application/json.")
        problem.extraHeaders[.accept] = "application/json"
        return problem
    }
    /// Something inside Rhythm failed; the cause is logged, not sent.
    static var internalError: Self {
        .init(.internalError, "The server could not answer. Please try again later.")
    }

    var status: HTTPResponse.Status {
        switch code {
        case .malformedJSON, .invalidQuery: .badRequest
        case .invalidFields: .unprocessableContent
        case .unauthenticated, .invalidToken: .unauthorized
        case .insufficientScope, .forbidden: .forbidden
        case .notFound: .notFound
        case .methodNotAllowed: .methodNotAllowed
        case .bodyTooLarge: .contentTooLarge
        case .unsupportedMediaType: .unsupportedMediaType
        case .internalError: .internalServerError
        }
    }

    /// The problem type URI: `urn:rhythm:problem:<code>`, listed in the OpenAPI document.
    var type: String { "urn:rhythm:problem:\(code.rawValue)" }

    var description: String { "\(status.code) \(code.rawValue): \(detail)" }

    var json: JSONValue {
        var members: [String: JSONValue] = [
            "type": .string(type),
            "title": .string(status.reasonPhrase),
            "status": .integer(Int64(status.code)),
            "detail": .string(detail),
        ]
        if !errors.isEmpty {
            members["errors"] = .array(errors.map(\.json))
        }
        return .object(members)
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var response = try APIResponse.json(json, status: status, contentType: "application/problem+json")
        response.headers.append(contentsOf: extraHeaders)
        return response
    }
}
