import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

extension TestClientProtocol {
    /// Sends a request with an optional bearer token and JSON body.
    func send(
        _ method: HTTPRequest.Method,
        _ uri: String,
        token: String? = nil,
        json: String? = nil,
        contentType: String? = "application/json",
        headers extra: HTTPFields = [:]
    ) async throws -> TestResponse {
        var headers = extra
        if let token {
            headers[.authorization] = "Bearer \(token)"
        }
        if json != nil, let contentType {
            headers[.contentType] = contentType
        }
        return try await execute(
            uri: uri, method: method, headers: headers, body: json.map { ByteBuffer(string: $0) })
    }
}

extension TestResponse {
    /// The body as a JSON object; an empty dictionary when it is not one.
    var object: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(body.readableBytesView))) as? [String: Any] ?? [:]
    }

    /// The `items` of a list.
    var items: [[String: Any]] {
        object["items"] as? [[String: Any]] ?? []
    }

    /// A problem's `errors`, keyed by pointer (or `?name` for a query parameter), to detail.
    var problemErrors: [String: String] {
        let entries = object["errors"] as? [[String: Any]] ?? []
        var result: [String: String] = [:]
        for entry in entries {
            let key = (entry["pointer"] as? String) ?? "?\(entry["parameter"] as? String ?? "")"
            result[key] = entry["detail"] as? String
        }
        return result
    }

    /// Checks the response is a problem with `status` and returns its body.
    @discardableResult
    func expectProblem(
        _ status: HTTPResponse.Status, type code: String? = nil, sourceLocation: SourceLocation = #_sourceLocation
    ) -> [String: Any] {
        #expect(self.status == status, "body: \(String(buffer: body))", sourceLocation: sourceLocation)
        #expect(headers[.contentType] == "application/problem+json", sourceLocation: sourceLocation)
        let object = self.object
        #expect(object["status"] as? Int == Int(status.code), sourceLocation: sourceLocation)
        #expect(object["title"] as? String == status.reasonPhrase, sourceLocation: sourceLocation)
        #expect(object["detail"] is String, sourceLocation: sourceLocation)
        if let code {
            #expect(object["type"] as? String == "urn:rhythm:problem:\(code)", sourceLocation: sourceLocation)
        }
        return object
    }
}

/// Ids in JSON bodies come back as numbers.
func id(_ object: [String: Any]) -> Int {
    object["id"] as? Int ?? -1
}
