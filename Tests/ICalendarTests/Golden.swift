import Foundation
import Testing

/// Compares output with the golden files in `Fixtures/`, byte for byte.
///
/// To regenerate after an intended change, run
/// `ICALENDAR_REGENERATE_GOLDENS=1 swift test --scratch-path .build-ical --filter ICalendarTests`
/// and review the diff of `Tests/ICalendarTests/Fixtures/` before committing: the tests then
/// write the current output into the source tree instead of comparing.
enum Golden {
    /// The directory of the fixtures in the source tree, where regeneration writes.
    static let sourceDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    /// The bytes of fixture `name` as copied into the test bundle.
    static func data(_ name: String) throws -> Data {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures"))
        return try Data(contentsOf: url)
    }

    /// Expects `actual` to equal fixture `name`, or rewrites the fixture when regenerating.
    static func expect(_ actual: String, matches name: String, sourceLocation: SourceLocation = #_sourceLocation)
        throws
    {
        if ProcessInfo.processInfo.environment["ICALENDAR_REGENERATE_GOLDENS"] == "1" {
            try Data(actual.utf8).write(to: sourceDirectory.appendingPathComponent(name))
            return
        }
        let expected = String(decoding: try data(name), as: UTF8.self)
        #expect(actual == expected, "output differs from Fixtures/\(name)", sourceLocation: sourceLocation)
    }
}
