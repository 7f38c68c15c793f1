import HTTPTypes
import Hummingbird

/// Why the server answered a request with an error, as the client sees it.
///
/// Bodies are short, plain text and deliberately uninformative: a wrong token and a missing feed
/// read the same, and a failure inside Rhythm never shows its cause (that goes to the log).
struct ServerError: Error, HTTPResponseError, CustomStringConvertible {
    private enum Code {
        case feedNotFound
        case pageNotFound
        case methodNotAllowed
        case internalError
    }

    private let value: Code

    private init(_ value: Code) {
        self.value = value
    }

    /// No feed has that name, whether the token is unknown, malformed or revoked.
    static var feedNotFound: Self { .init(.feedNotFound) }
    /// No agenda page here for that token, whether the token, the series or the date is wrong.
    static var pageNotFound: Self { .init(.pageNotFound) }
    /// Feeds only answer GET and HEAD.
    static var methodNotAllowed: Self { .init(.methodNotAllowed) }
    /// Something inside Rhythm failed; the details are logged, not sent.
    static var internalError: Self { .init(.internalError) }

    var status: HTTPResponse.Status {
        switch value {
        case .feedNotFound, .pageNotFound: .notFound
        case .methodNotAllowed: .methodNotAllowed
        case .internalError: .internalServerError
        }
    }

    var description: String {
        switch value {
        case .feedNotFound: "No feed here.\n"
        case .pageNotFound: "No agenda here.\n"
        case .methodNotAllowed: "Feeds answer GET and HEAD only.\n"
        case .internalError: "The server could not answer. Please try again later.\n"
        }
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        let body = ByteBuffer(string: description)
        var headers: HTTPFields = [
            .contentType: "text/plain; charset=utf-8",
            .xContentTypeOptions: "nosniff",
            .contentLength: String(body.readableBytes),
        ]
        if value == .methodNotAllowed {
            headers[.allow] = "GET, HEAD"
        }
        return Response(
            status: status,
            headers: headers,
            body: request.method == .head ? ResponseBody() : ResponseBody(byteBuffer: body)
        )
    }
}
