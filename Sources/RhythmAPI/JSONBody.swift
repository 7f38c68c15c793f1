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
        let data = Data(buffer.readableBytesView)
        do {
            value = try JSONDecoder().decode(JSONValue.self, from: data)
        } catch {
            throw APIProblem.malformedJSON(describeMalformed(data))
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

    /// What the parser says about malformed JSON, with the line and column when it names
    /// a position: Foundation's `JSONDecoder` does not on Linux, `JSONSerialization` does.
    static func describeMalformed(_ data: Data) -> String {
        let message: String
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            return "The body is not valid JSON."
        } catch {
            message = ((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String) ?? ""
        }
        guard !message.isEmpty else { return "The body is not valid JSON." }
        guard let range = message.range(of: #"character (\d+)"#, options: .regularExpression),
            let offset = Int(message[range].dropFirst("character ".count))
        else {
            return "The body is not valid JSON: \(message)"
        }
        let before = data.prefix(offset)
        let line = before.count { $0 == UInt8(ascii: "\n") } + 1
        let column = offset - (before.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0) + 1
        return "The body is not valid JSON: \(message) (line \(line), column \(column))"
    }
}
