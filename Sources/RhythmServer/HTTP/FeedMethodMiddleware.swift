import Hummingbird

/// Answers 405 with `Allow: GET, HEAD` for any other method on a feed URL.
///
/// The router alone would answer 404 for a method it has no route for; this sits in front of it.
struct FeedMethodMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        if request.method != .get, request.method != .head, FeedRoute.matches(request.uri.path) {
            throw ServerError.methodNotAllowed
        }
        return try await next(request, context)
    }
}
