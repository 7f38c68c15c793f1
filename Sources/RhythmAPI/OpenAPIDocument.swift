import Foundation
import Hummingbird

/// The OpenAPI 3.1 document describing the API, kept in the repository as `openapi.json`
/// and served as it is.
enum OpenAPIDocument {
    /// The document's bytes, read from the target's resources once.
    static let bytes: Data? = Bundle.module.url(forResource: "openapi", withExtension: "json")
        .flatMap { try? Data(contentsOf: $0) }

    static func response() throws -> Response {
        guard let bytes else { throw APIProblem.internalError }
        return Response(
            status: .ok,
            headers: [
                .contentType: "application/json",
                .contentLength: String(bytes.count),
                .cacheControl: "public, max-age=3600",
            ],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes))
        )
    }
}
