import Foundation
import HTTPTypes
import Hummingbird

/// Stands in front of every console page that needs a signed-in person.
///
/// - A GET or HEAD without a session is sent to the sign-in page (303).
/// - Any other method without a session, or whose form lacks the session's CSRF token (the
///   ``ConsoleLayout/csrfFieldName`` field, see ``ConsoleLayout/csrfField(_:)``), is refused with 403 and a
///   page saying what to do. A token of another session, of an ended or expired session, or
///   none at all are the same refusal.
/// - A request that passes has `context.identity` set: a handler behind the guard may rely on it.
///
/// The form body is read here (at most ``maximumFormSize``) and handed on, so a handler reads
/// it again as usual.
public struct ConsoleGuard<Parent: RequestContext>: RouterMiddleware {
    public typealias Context = ConsoleRequestContext<Parent>

    /// The largest form the console reads.
    public static var maximumFormSize: Int { 256 * 1024 }

    let layout: ConsoleLayout
    let initiativeName: @Sendable () -> String

    public init(layout: ConsoleLayout, initiativeName: @escaping @Sendable () -> String) {
        self.layout = layout
        self.initiativeName = initiativeName
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        let reads = request.method == .get || request.method == .head
        guard let identity = context.identity else {
            if reads {
                return Response(status: .seeOther, headers: [.location: "/console/sign-in"])
            }
            return refusal(
                heading: "Please sign in again",
                message: "You are not signed in, or your session ended (signed out, revoked, or unused for too "
                    + "long). Sign in again, then repeat what you were doing.",
                retryPath: "/console/sign-in", retryText: "Sign in")
        }
        guard !reads else { return try await next(request, context) }
        var request = request
        let body = try? await request.collectBody(upTo: Self.maximumFormSize)
        guard let body, ConsoleCSRF.matches(form: String(buffer: body), expected: identity.csrfToken) else {
            return refusal(
                heading: "This form cannot be sent",
                message: "The form was not made for your current session (it is from an older session, another "
                    + "browser, or another site). Open the page again and send the form from there.",
                retryPath: "/console", retryText: "Back to the console")
        }
        return try await next(request, context)
    }

    private func refusal(heading: String, message: String, retryPath: String, retryText: String) -> Response {
        let content = layout.content(
            "refused", ["heading": heading, "message": message, "retryPath": retryPath, "retryText": retryText])
        return layout.response(
            title: heading, content: content, initiative: initiativeName(), identity: nil, status: .forbidden)
    }
}

/// Reads and compares the CSRF field of a form.
enum ConsoleCSRF {
    static let fieldName = "csrf_token"

    /// Whether the urlencoded `form` carries `expected` as its CSRF field, compared in
    /// constant time.
    static func matches(form: String, expected: String) -> Bool {
        guard let sent = ConsoleForm(form)[fieldName] else { return false }
        let a = Array(sent.utf8)
        let b = Array(expected.utf8)
        guard a.count == b.count, !a.isEmpty else { return false }
        return zip(a, b).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
