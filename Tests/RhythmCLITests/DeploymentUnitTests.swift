import Foundation
import Testing

/// The systemd unit that ships in deploy/: limits that keep one runaway from taking the
/// machine, and enough file descriptors for the connections Rhythm accepts.
@Suite struct DeploymentUnitTests {
    /// `Key=Value` lines of deploy/rhythm.service; a key given twice keeps its last value.
    static func settings() throws -> [String: String] {
        let unit = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("deploy/rhythm.service")
        var settings: [String: String] = [:]
        for line in try String(contentsOf: unit, encoding: .utf8).split(separator: "\n")
        where !line.hasPrefix("#") && line.contains("=") {
            let parts = line.split(separator: "=", maxSplits: 1)
            settings[String(parts[0])] = parts.count > 1 ? String(parts[1]) : ""
        }
        return settings
    }

    @Test("memory is capped well above the idle 51 MiB, and descriptors leave room for thousands of connections")
    func resourceLimits() throws {
        let settings = try Self.settings()
        let memory = try #require(settings["MemoryMax"])
        let megabytes = try #require(Int(memory.dropLast()), "MemoryMax=\(memory) is not in M")
        #expect(memory.hasSuffix("M") && megabytes >= 256)
        let descriptors = try #require(settings["LimitNOFILE"].flatMap { Int($0) })
        // Rhythm keeps 128 descriptors back from connections (ServerConfiguration).
        #expect(descriptors - 128 >= 4_000)
    }
}
