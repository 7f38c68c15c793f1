import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The document and the server agree on empty strings: every string field and query
/// parameter the server refuses when empty is one the schema already excludes `""` from
/// (`minLength`, an enum, a format, a pattern or a type that is not a string), and every one
/// the schema excludes it from is refused. Found by sending `""` to each, one at a time.
@Suite("The OpenAPI document and the server agree")
struct OpenAPIAgreementTests {
    /// A valid body for each operation that takes one, into which one field at a time is
    /// set to `""`; a new operation with a body needs its entry here.
    static let validBodies: [String: String] = [
        "createAction": #"{"title": "Book the hall", "owner_id": "ana"}"#,
        "updateAction": "{}",
        "createAgendaItem": #"{"series_id": "leaders", "occurrence_date": "2027-01-26", "title": "Enrolment"}"#,
        "updateAgendaItem": "{}",
        "recordIndicatorResult": #"{"indicator_id": "attendance", "period": "2026-12", "value": 90}"#,
        "putAttendance": #"{"response": "apologies", "note": "Away"}"#,
        "putMinutes": #"{"attendance": [], "item_notes": [], "decisions": [], "actions": []}"#,
        "createOccurrenceChange":
            #"{"kind": "cancel", "series_id": "leaders", "occurrence_date": "2027-01-26", "reason": "Chair ill"}"#,
    ]

    /// What each path parameter is replaced with: a meeting the test initiative holds, and a
    /// person it invites.
    static let pathValues = [
        "{series_id}": "leaders", "{occurrence_date}": "2027-01-26", "{person_id}": "ana",
    ]

    /// One operation of the document: its method, path and what it reads.
    struct Operation {
        var id: String
        var method: HTTPRequest.Method
        var path: String
        var parameters: [[String: Any]]
        var bodySchema: [String: Any]?
    }

    @Test("Every string the server refuses when empty, and only those, excludes \"\" in the document")
    func emptyStrings() async throws {
        let harness = try APIHarness()
        let token = try harness.token()
        try await harness.application().test(.router) { client in
            let document = try OpenAPIDocumentTests.document()
            let schemas = Schemas(document: document)
            let operations = try Self.operations(in: document, schemas: schemas)
            let action = try await client.send(
                .post, "/api/v1/actions", token: token, json: #"{"title": "Existing", "owner_id": "ana"}"#)
            let item = try await client.send(
                .post, "/api/v1/agenda-items", token: token,
                json: #"{"series_id": "leaders", "occurrence_date": "2027-01-26", "title": "Existing"}"#)
            let ids = ["/api/v1/actions/{id}": id(action.object), "/api/v1/agenda-items/{id}": id(item.object)]
            var checked = 0
            for operation in operations {
                let path = Self.pathValues.reduce(
                    operation.path.replacingOccurrences(of: "{id}", with: "\(ids[operation.path] ?? 1)")
                ) { $0.replacingOccurrences(of: $1.key, with: $1.value) }
                for parameter in operation.parameters where parameter["in"] as? String == "query" {
                    let name = try #require(parameter["name"] as? String)
                    let schema = schemas.resolve(parameter["schema"] as? [String: Any] ?? [:])
                    let response = try await client.send(operation.method, "\(path)?\(name)=", token: token)
                    let refused = response.status == .badRequest && response.problemErrors["?\(name)"] != nil
                    #expect(
                        refused == schemas.excludesEmpty(schema),
                        "\(operation.id) ?\(name)= answered \(response.status.code): \(String(buffer: response.body))")
                    checked += 1
                }
                guard let bodySchema = operation.bodySchema else { continue }
                let validText = try #require(Self.validBodies[operation.id], "no valid body for \(operation.id)")
                let valid = try #require(
                    try JSONSerialization.jsonObject(with: Data(validText.utf8)) as? [String: Any])
                let properties = bodySchema["properties"] as? [String: Any] ?? [:]
                for (name, raw) in properties.sorted(by: { $0.key < $1.key }) {
                    let schema = schemas.resolve(raw as? [String: Any] ?? [:])
                    guard schemas.types(of: schema).contains("string") else { continue }
                    var body = valid
                    body[name] = ""
                    let json = String(decoding: try JSONSerialization.data(withJSONObject: body), as: UTF8.self)
                    let response = try await client.send(operation.method, path, token: token, json: json)
                    let refused = response.status.code >= 400 && response.problemErrors["/\(name)"] != nil
                    #expect(
                        refused == schemas.excludesEmpty(schema),
                        "\(operation.id) /\(name) = \"\" answered \(response.status.code): \(String(buffer: response.body))"
                    )
                    checked += 1
                }
            }
            #expect(checked > 30, "only \(checked) strings were tried")
        }
    }

    /// Every operation of the document, with its parameters (path-level ones included) and
    /// its JSON body's schema.
    static func operations(in document: [String: Any], schemas: Schemas) throws -> [Operation] {
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        var operations: [Operation] = []
        for (path, item) in paths.sorted(by: { $0.key < $1.key }) {
            let shared = item["parameters"] as? [[String: Any]] ?? []
            for method in ["get", "put", "post", "patch", "delete"] {
                guard let operation = item[method] as? [String: Any] else { continue }
                let parameters = (shared + (operation["parameters"] as? [[String: Any]] ?? [])).map(schemas.resolve)
                let body =
                    ((operation["requestBody"] as? [String: Any])?["content"] as? [String: Any])?[
                        "application/json"] as? [String: Any]
                operations.append(
                    Operation(
                        id: try #require(operation["operationId"] as? String),
                        method: try #require(HTTPRequest.Method(method.uppercased())), path: path,
                        parameters: parameters,
                        bodySchema: (body?["schema"] as? [String: Any]).map(schemas.resolve)))
            }
        }
        return operations
    }

    /// The document's components, to follow `$ref`s and read what a schema allows.
    struct Schemas {
        let document: [String: Any]

        /// The schema or parameter a `$ref` points at (`#/components/...`); anything else as it is.
        func resolve(_ object: [String: Any]) -> [String: Any] {
            guard let reference = object["$ref"] as? String, reference.hasPrefix("#/") else { return object }
            var current: Any = document
            for part in reference.dropFirst(2).split(separator: "/") {
                current = (current as? [String: Any])?[String(part)] ?? [:]
            }
            return resolve(current as? [String: Any] ?? [:])
        }

        /// The JSON types a schema allows: `"string"` or `["string", "null"]`.
        func types(of schema: [String: Any]) -> [String] {
            if let type = schema["type"] as? String { return [type] }
            return schema["type"] as? [String] ?? []
        }

        /// Whether a value of `""` breaks the schema.
        func excludesEmpty(_ schema: [String: Any]) -> Bool {
            let types = types(of: schema)
            if types.contains("array") {
                // `name=` in a query is one empty item.
                return excludesEmpty(resolve(schema["items"] as? [String: Any] ?? [:]))
            }
            guard types.contains("string") else { return true }
            if let minimum = schema["minLength"] as? Int, minimum >= 1 { return true }
            if let values = schema["enum"] as? [String], !values.contains("") { return true }
            if let format = schema["format"] as? String, ["date", "date-time"].contains(format) { return true }
            if let pattern = schema["pattern"] as? String, let expression = try? NSRegularExpression(pattern: pattern) {
                return expression.firstMatch(in: "", range: NSRange(location: 0, length: 0)) == nil
            }
            return false
        }
    }
}
