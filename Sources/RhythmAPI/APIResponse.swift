import Foundation
import HTTPTypes
import Hummingbird

/// Makes the API's JSON responses, with the same encoder everywhere so that bytes are stable.
enum APIResponse {
    static func json(
        _ value: JSONValue, status: HTTPResponse.Status = .ok, contentType: String = "application/json"
    ) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(value)
        return Response(
            status: status,
            headers: [
                .contentType: contentType,
                .contentLength: String(data.count),
                .cacheControl: "no-store",
                .xContentTypeOptions: "nosniff",
            ],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data))
        )
    }
}
