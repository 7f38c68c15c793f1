// Measurements for the issue notes, not tests: run them in release mode on a quiet machine.
//     swift run -c release rhythm-benchmark                 expansion, feed rendering, agendas,
//                                                           the console's home page (run it from
//                                                           the package directory: it reads
//                                                           config/rhythm.yaml, or --example F)
//     swift run -c release rhythm-benchmark --write-config F --listen 127.0.0.1:PORT
//                                                           the same initiative as YAML, for
//                                                           measuring `rhythm serve` with wrk
//                                                           (deploy/benchmark-feeds.sh)
import Foundation
import ICalendar
import RhythmCore
import RhythmFeeds

@main
enum Benchmark {
    static func main() throws {
        let arguments = CommandLine.arguments.dropFirst()
        if let index = arguments.firstIndex(of: "--write-config"), index + 1 < arguments.endIndex {
            let listenIndex = arguments.firstIndex(of: "--listen")
            let listen = listenIndex.map { arguments[$0 + 1] } ?? "127.0.0.1:8080"
            try SyntheticInitiative.yaml(listen: listen)
                .write(toFile: arguments[index + 1], atomically: true, encoding: .utf8)
            return
        }
        measureExpansion()
        measureFeedRendering()
        try measureAgenda()
        let exampleIndex = arguments.firstIndex(of: "--example")
        try measureConsoleHome(
            examplePath: exampleIndex.flatMap {
                arguments.index(after: $0) < arguments.endIndex ? arguments[$0 + 1] : nil
            }
                ?? "config/rhythm.yaml")
    }

    static func measureExpansion() {
        let schedule = Schedule(initiative: SyntheticInitiative.initiative)
        let window = DateInterval(
            start: TimeZone.gmt.instant(for: LocalDateTime(year: 2027, month: 1, day: 1)!),
            end: TimeZone.gmt.instant(for: LocalDateTime(year: 2032, month: 1, day: 1)!))
        var count = 0
        let timings = measure { count = schedule.occurrences(in: window).count }
        report("Schedule expansion: 200 series over 5 years, \(count) occurrences", timings)
    }

    static func measureFeedRendering() {
        let now = TimeZone.gmt.instant(for: LocalDateTime(year: 2027, month: 1, day: 1)!)
        var bytes = 0
        let timings = measure {
            let builder = FeedBuilder(initiative: SyntheticInitiative.initiative, settings: FeedSettings())
            bytes = builder.calendar(for: .everyone, revisions: [:], now: now).serializedData().count
        }
        report("Feed rendering: 200 series, holidays over 2 years, \(bytes) bytes (builder included)", timings)
    }

    static func measure(runs: Int = 10, _ work: () -> Void) -> [Duration] {
        let clock = ContinuousClock()
        return (0..<runs).map { _ in clock.measure(work) }.sorted()
    }

    static func report(_ title: String, _ timings: [Duration]) {
        func milliseconds(_ duration: Duration) -> String {
            let (seconds, attoseconds) = duration.components
            return String(format: "%.1f ms", Double(seconds) * 1000 + Double(attoseconds) / 1e15)
        }
        print(title)
        print(
            "  \(timings.count) runs: min \(milliseconds(timings[0]))  median \(milliseconds(timings[timings.count / 2]))"
                + "  p95 \(milliseconds(timings[(timings.count * 95 + 99) / 100 - 1]))"
                + "  max \(milliseconds(timings[timings.count - 1]))")
    }
}
