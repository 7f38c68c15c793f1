import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// Reads a JSON object from a request body, in the order a client's mistakes should be told:
/// the media type (415), the size, from `Content-Length` before a byte is read and again while
/// reading (413), the syntax (400), then that it is an object (422).
enum JSONBody {
    /// The largest body the API reads.
    static let limit = 64 * 1024

    static func object(from request: Request) async throws -> [String: JSONValue] {
        guard isJSON(request.headers[.contentType]) else { throw APIProblem.unsupportedMediaType }
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > limit {
            throw APIProblem.bodyTooLarge(limit: limit)
        }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: limit)
        } catch is NIOTooManyBytesError {
            throw APIProblem.bodyTooLarge(limit: limit)
        }
        let value: JSONValue
        do {
            value = try JSONDecoder().decode(JSONValue.self, from: Data(buffer.readableBytesView))
        } catch {
            throw APIProblem.malformedJSON(describe(error))
        }
        guard case .object(let object) = value else {
            throw APIProblem.invalidFields([.body("The body must be a JSON object, not \(value.typeName).")])
        }
        return object
    }

    /// `application/json`, `application/merge-patch+json` or any other `+json` type, with
    /// any parameters.
    static func isJSON(_ contentType: String?) -> Bool {
        guard let contentType else { return false }
        let mediaType = contentType.split(separator: ";", maxSplits: 1).first.map {
            $0.trimmingCharacters(in: .whitespaces).lowercased()
        }
        guard let mediaType else { return false }
        return mediaType == "application/json" || (mediaType.hasPrefix("application/") && mediaType.hasSuffix("+json"))
    }

    /// What the decoder said about malformed JSON, with its position when it gave one.
    private static func describe(_ error: any Error) -> String {
        guard case DecodingError.dataCorrupted(let context) = error else {
            return "The body is not valid JSON."
        }
        let underlying = context.underlyingError.map { error -> String in
            let nsError = error as NSError
            return (nsError.userInfo[NSDebugDescriptionErrorKey] as? String) ?? nsError.localizedDescription
        }
        if let underlying, !underlying.isEmpty {
            return "The body is not valid JSON: \(underlying)"
        }
        return "The body is not valid JSON: \(context.debugDescription)"
    }
}
