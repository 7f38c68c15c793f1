import Foundation
import HTTPTypes
import Hummingbird
import Testing

@testable import RhythmAPI

@Suite("The OpenAPI document")
struct OpenAPIDocumentTests {
    /// The repository's copy, which is also the one the target serves.
    static let documentURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/RhythmAPI/openapi.json")

    static func document() throws -> [String: Any] {
        let data = try Data(contentsOf: documentURL)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test("Every route the router has is in the document, and every operation there is routed")
    func coversRoutes() throws {
        let harness = try APIHarness()
        let router = Router()
        harness.routes.register(on: router)
        let routed = Set(router.routes.map { "\($0.method.rawValue) \($0.path)" })

        let paths = try #require(try Self.document()["paths"] as? [String: [String: Any]])
        let methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]
        let documented = Set(
            paths.flatMap { path, item in
                item.keys.filter(methods.contains).map { "\($0.uppercased()) \(path)" }
            })
        #expect(routed == documented)
        #expect(routed == Set(APIEndpoint.all.map { "\($0.method.rawValue) \($0.path)" }))
        #expect(routed.count == 24)
    }

    @Test("The served bytes are the repository's document")
    func servedIsRepository() throws {
        #expect(OpenAPIDocument.bytes == (try Data(contentsOf: Self.documentURL)))
    }

    @Test("Every problem type the API can send is listed in the document")
    func problemTypes() throws {
        let schemas = try #require((try Self.document()["components"] as? [String: Any])?["schemas"] as? [String: Any])
        let problem = try #require(schemas["Problem"] as? [String: Any])
        let types = ((problem["properties"] as? [String: Any])?["type"] as? [String: Any])?["enum"] as? [String]
        let sent = [
            APIProblem.malformedJSON("x"), .invalidQuery([]), .invalidFields([]), .unauthenticated, .invalidToken,
            .insufficientScope, .forbidden("x"), .notFound("x"), .methodNotAllowed(allowed: [.get]),
            .bodyTooLarge(limit: 1), .unsupportedMediaType, .internalError,
        ].map(\.type)
        #expect(Set(types ?? []) == Set(sent))
    }

    @Test("openapi-spec-validator accepts the document")
    func validator() throws {
        // deploy/setup.sh test installs the validator from PyPI and names its Python here.
        let python = ProcessInfo.processInfo.environment["RHYTHM_TEST_PYTHON"] ?? "/usr/bin/python3"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-m", "openapi_spec_validator", Self.documentURL.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(
            !text.contains("No module named openapi_spec_validator"),
            "the validator is missing: run deploy/setup.sh test, or set RHYTHM_TEST_PYTHON to a Python that has it")
        #expect(process.terminationStatus == 0, "\(text)")
        #expect(text.contains("OK"), "\(text)")
    }
}
