import Foundation
import RhythmConfig
import RhythmConsole
import RhythmCore
import RhythmStore
import RhythmTestSupport

extension Benchmark {
    /// The console's home page for the example configuration with the scripted quarter in a
    /// database file: one snapshot read, the health model, the charts and the HTML.
    static func measureConsoleHome(examplePath: String) throws {
        let initiative = try ConfigurationLoader().load(path: examplePath).initiative
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rhythm-benchmark-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try AppDatabase.open(path: directory.appendingPathComponent("rhythm.sqlite").path)
        let now = initiative.timeZone.instant(for: LocalDateTime(year: 2027, month: 5, day: 24, hour: 9)!)
        try ExampleQuarter.fill(store: store, initiative: initiative, endingAt: now)
        var bytes = 0
        let timings = measure(runs: 100) {
            do {
                bytes =
                    ConsoleHomePage.render(try ConsoleHome.load(store: store, initiative: initiative, now: now))
                    .utf8.count
            } catch {
                fatalError("the store failed: \(error)")
            }
        }
        report("Console home page: example initiative, scripted quarter; read, build, render (\(bytes) bytes)", timings)
    }
}
