import Hummingbird
import Logging

/// Logs every request at debug level with its status and duration, never a token, and
/// tells the observer (metrics) which area it reached and how it was answered.
struct AccessLogMiddleware<Context: RequestContext>: RouterMiddleware {
    var observer: (any RequestObserver)?

    func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let start = ContinuousClock.now
        do {
            let response = try await next(request, context)
            log(request, status: response.status, since: start, logger: context.logger)
            return response
        } catch {
            let status = (error as? any HTTPResponseError)?.status ?? .internalServerError
            log(request, status: status, since: start, logger: context.logger)
            throw error
        }
    }

    private func log(
        _ request: Request, status: HTTPResponse.Status, since start: ContinuousClock.Instant, logger: Logger
    ) {
        observer?.observe(area: Self.area(of: request.uri.path), status: status.code)
        // Answering a cached feed takes microseconds: measuring a line nobody reads would show.
        guard logger.logLevel <= .debug else {
            return
        }
        let elapsed = (ContinuousClock.now - start).components
        let milliseconds = Double(elapsed.seconds) * 1e3 + Double(elapsed.attoseconds) / 1e15
        logger.debug(
            "HTTP request",
            metadata: [
                "http.method": .string(request.method.rawValue),
                "http.path": .string(FeedRoute.loggable(request.uri.path)),
                "http.status": .stringConvertible(status.code),
                "http.duration_ms": .stringConvertible(milliseconds),
            ]
        )
    }

    /// The part of the service a path belongs to, for metrics labels that stay few.
    static func area(of path: String) -> String {
        if path.hasPrefix("/feeds/") { return "feed" }
        if path.hasPrefix("/agenda/") { return "agenda" }
        if path.hasPrefix("/api/") { return "api" }
        if path.hasPrefix("/a/") || path.hasPrefix("/me/") { return "answers" }
        if path == "/console" || path.hasPrefix("/console/") { return "console" }
        if path == "/healthz" || path == "/readyz" { return "health" }
        if path == "/metrics" { return "metrics" }
        return "other"
    }
}
