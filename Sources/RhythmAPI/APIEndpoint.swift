import HTTPTypes

/// Every method and path the API answers, in OpenAPI's `{id}` form: the routes are
/// registered from the same paths, the 405 answers read it, and a test holds it to the
/// OpenAPI document.
struct APIEndpoint: Hashable, Sendable {
    var method: HTTPRequest.Method
    var path: String

    static let all: [APIEndpoint] = [
        .init(method: .get, path: "/api/openapi.json"),
        .init(method: .get, path: "/api/v1/actions"),
        .init(method: .post, path: "/api/v1/actions"),
        .init(method: .get, path: "/api/v1/actions/{id}"),
        .init(method: .patch, path: "/api/v1/actions/{id}"),
        .init(method: .get, path: "/api/v1/agenda-items"),
        .init(method: .post, path: "/api/v1/agenda-items"),
        .init(method: .get, path: "/api/v1/agenda-items/{id}"),
        .init(method: .patch, path: "/api/v1/agenda-items/{id}"),
        .init(method: .delete, path: "/api/v1/agenda-items/{id}"),
        .init(method: .post, path: "/api/v1/agenda-items/{id}/withdraw"),
        .init(method: .get, path: "/api/v1/agendas/{series_id}/{occurrence_date}"),
        .init(method: .get, path: "/api/v1/attendance"),
        .init(method: .put, path: "/api/v1/attendance/{series_id}/{occurrence_date}/{person_id}"),
        .init(method: .get, path: "/api/v1/minutes/{series_id}/{occurrence_date}"),
        .init(method: .put, path: "/api/v1/minutes/{series_id}/{occurrence_date}"),
        .init(method: .post, path: "/api/v1/minutes/{series_id}/{occurrence_date}/publish"),
        .init(method: .get, path: "/api/v1/decisions"),
        .init(method: .get, path: "/api/v1/occurrence-changes"),
        .init(method: .post, path: "/api/v1/occurrence-changes"),
        .init(method: .delete, path: "/api/v1/occurrence-changes/{id}"),
        .init(method: .get, path: "/api/v1/indicator-results"),
        .init(method: .post, path: "/api/v1/indicator-results"),
        .init(method: .get, path: "/api/v1/indicator-results/{id}"),
    ]

    /// The methods the API answers on `path` (a concrete request path), in table order.
    static func methods(forPath path: String) -> [HTTPRequest.Method] {
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        return all.filter { endpoint in
            let template = endpoint.path.split(separator: "/", omittingEmptySubsequences: false)
            return template.count == segments.count
                && zip(template, segments).allSatisfy { $0 == $1 || ($0.hasPrefix("{") && !$1.isEmpty) }
        }.map(\.method)
    }
}
