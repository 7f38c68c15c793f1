import Foundation
import RhythmConfig
import RhythmCore
import RhythmStore
import RhythmTestSupport
import Testing

@testable import RhythmConsole

/// The home page of the example configuration with the scripted quarter, read from a real
/// SQLite store: the page the benchmark measures and the screenshots show.
@Suite struct ExampleHomeTests {
    static let examplePath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("config/rhythm.yaml").path

    /// Monday 24 May 2027, 09:00 in Melbourne: the quarterly review is on Thursday, and its
    /// data was due last Thursday.
    static func example() throws -> (Initiative, ConsoleHome) {
        let initiative = try ConfigurationLoader().load(path: examplePath).initiative
        let now = initiative.timeZone.instant(for: LocalDateTime(year: 2027, month: 5, day: 24, hour: 9)!)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rhythm-home-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try AppDatabase.open(path: directory.appendingPathComponent("rhythm.sqlite").path)
        try ExampleQuarter.fill(store: store, initiative: initiative, endingAt: now)
        return (initiative, try ConsoleHome.load(store: store, initiative: initiative, now: now))
    }

    @Test("the example's home page reads the scripted quarter back from the store")
    func example() throws {
        let (initiative, home) = try Self.example()
        #expect(home.series.map(\.series.id) == initiative.series.map(\.id))
        let review = try #require(home.series.first { $0.series.id == "indicator-review" })
        let data = try #require(review.reviewData)
        #expect(data.recorded == 3)
        #expect(data.late.map(\.indicator.id) == ["youth-mental-health-referrals"])
        let standup = try #require(home.series.first { $0.series.id == "backbone-standup" })
        // Mondays from 1 March to 17 May; Labour Day and Easter Monday are holidays.
        #expect(standup.planned == 12)
        #expect(standup.skipped == 2)
        #expect(standup.held == 10)
        #expect(standup.recentMeetings.count == 6)
        #expect(standup.attendance.invited == 3 * standup.held)
        #expect(home.actions.months.reduce(0) { $0 + $1.opened } > 20)
        #expect(home.actions.months.reduce(0) { $0 + $1.closed } > 10)
        #expect(home.delivery.pending == 6)
        #expect(home.delivery.heldCount == 1)
        #expect(home.delivery.deadCount == 2)
        #expect(home.delivery.dead.allSatisfy { $0.lastReply?.hasPrefix("550 5.1.1") == true })
        #expect(home.delivery.bouncing.map(\.bounce.personID) == ["mei-lin-chen"])
        #expect(home.indicators.map { $0.points.compactMap(\.value).count } == [4, 4, 4, 3])
    }

    @Test("every chart of the example draws the numbers of the health model on its own axis")
    func chartsMatchModel() throws {
        let (_, home) = try Self.example()
        let page = ConsoleHomePage.render(home)
        let charts = page.components(separatedBy: "<svg ").dropFirst().map { "<svg " + $0 }
        #expect(charts.count == home.series.filter { !$0.recentMeetings.isEmpty }.count + 2 + home.indicators.count)
        for row in home.series where !row.recentMeetings.isEmpty {
            let expected = row.recentMeetings.flatMap {
                $0.byPartner.map { ChartStyle.coordinate($0.share.percent ?? 0) }
            }
            try expectMarks(ConsoleHomePage.attendanceChart(row).svg, kind: "rect", className: "bar", values: expected)
        }
        try expectMarks(
            ConsoleHomePage.actionCountsChart(home.actions).svg, kind: "rect", className: "bar",
            values: home.actions.months.flatMap { ["\($0.opened)", "\($0.closed)"] })
        try expectMarks(
            ConsoleHomePage.actionAgeChart(home.actions).svg, kind: "circle", className: "point",
            values: home.actions.months.compactMap { $0.medianOpenAgeDays.map(ChartStyle.coordinate) })
        for trend in home.indicators {
            try expectMarks(
                ConsoleHomePage.indicatorChart(trend).svg, kind: "circle", className: "point",
                values: trend.points.compactMap { $0.value.map(ChartStyle.coordinate) })
        }
    }

    /// The marks carry `values` in order, and each stands where the printed axis puts it.
    func expectMarks(_ svg: String, kind: String, className: String, values: [String]) throws {
        let marks = SVGMarks(svg: svg)
        let y = try marks.axis()
        let found = try marks.marks(kind, className: className)
        #expect(found.map { $0["data-value"] ?? "" } == values)
        for mark in found {
            let value = try #require(mark["data-value"].flatMap(Double.init))
            let top = try #require((mark["y"] ?? mark["cy"]).flatMap(Double.init))
            #expect(abs(top - y(value)) < 0.01)
        }
    }
}
