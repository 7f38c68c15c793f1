import HTTPTypes
import Hummingbird

/// One page of a list: the items, how many match in all, and the window asked for.
struct Page {
    var items: [JSONValue]
    var total: Int
    var limit: Int
    var offset: Int

    /// The body `{"items": [...], "total": N, "limit": L, "offset": O}` with a `Link` header
    /// to the next page when there is one, keeping the request's other parameters.
    func response(for request: Request) throws -> Response {
        let uri = request.uri
        var response = try APIResponse.json(
            .object([
                "items": .array(items),
                "total": .integer(Int64(total)),
                "limit": .integer(Int64(limit)),
                "offset": .integer(Int64(offset)),
            ])
        )
        if offset + limit < total {
            response.headers[HTTPField.Name("Link")!] =
                "<\(link(uri.path, query: uri.query, offset: offset + limit))>; rel=\"next\""
        }
        return response
    }

    private func link(_ path: String, query: String?, offset: Int) -> String {
        let kept = (query ?? "").split(separator: "&").filter {
            !$0.hasPrefix("limit=") && !$0.hasPrefix("offset=") && $0 != "limit" && $0 != "offset"
        }
        let query = (kept.map(String.init) + ["limit=\(limit)", "offset=\(offset)"]).joined(separator: "&")
        return "\(path)?\(query)"
    }
}
