import HTTPTypes
import Hummingbird
import Logging
import RhythmStore

/// Turns everything that goes wrong under /api into a problem-details answer: the router's
/// 404 becomes 405 with `Allow` when the path exists with other methods, and a failure inside
/// Rhythm is logged (by code, never with the request's token) and answered with a bare 500.
struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        guard request.uri.path == "/api" || request.uri.path.hasPrefix("/api/") else {
            return try await next(request, context)
        }
        do {
            return try await next(request, context)
        } catch let problem as APIProblem {
            throw problem
        } catch let error as HTTPError where error.status == .notFound {
            let allowed = APIEndpoint.methods(forPath: request.uri.path)
            if allowed.isEmpty {
                throw APIProblem.notFound("There is no API resource at this path.")
            }
            throw APIProblem.methodNotAllowed(allowed: allowed)
        } catch {
            var metadata: Logger.Metadata = [
                "http.method": .string(request.method.rawValue),
                "error.type": .string(String(reflecting: type(of: error))),
            ]
            if let error = error as? StoreError {
                metadata["error.code"] = .string(error.code.description)
                metadata["error.description"] = .string(error.description)
            }
            context.logger.error("API request failed", metadata: metadata)
            throw APIProblem.internalError
        }
    }
}
