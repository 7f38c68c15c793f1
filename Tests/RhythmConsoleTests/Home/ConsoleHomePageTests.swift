import Foundation
import RhythmCore
import Testing

@testable import RhythmConsole

@Suite struct ConsoleHomePageTests {
    let page = ConsoleHomePage.render(
        ConsoleHome(initiative: HomeFixture.initiative, overview: HomeFixture.overview, now: HomeFixture.now))

    @Test("text from the configuration and the database is escaped everywhere it appears")
    func escaping() {
        #expect(page.contains("Weekly &lt;check-in&gt; &amp; review"))
        #expect(!page.contains("<check-in>"))
        #expect(page.contains("Room &quot;B&quot;"))
        #expect(page.contains("Reminder &lt;soon&gt;"))
        #expect(page.contains("550 5.1.1 &lt;a1@example.org&gt;: unknown"))
        #expect(!page.contains("<script"))
    }

    @Test("the health row says held against planned, attendance, readiness, actions and review data")
    func healthRow() {
        #expect(page.contains("<td data-label=\"Held of planned\">10 of 13 (1 cancelled, 2 skipped)</td>"))
        #expect(page.contains("<td data-label=\"Attendance\">10% (4 of 40)<details><summary>By partner</summary>"))
        #expect(page.contains("<li>City Council: 15% (3 of 20)</li><li>College: 10% (1 of 10)</li>"))
        #expect(page.contains("<td data-label=\"Next agenda\">1 item, 30 of 60 min</td>"))
        #expect(page.contains("<td data-label=\"Actions\">2 open, <strong class=\"warn\">1 overdue</strong></td>"))
        #expect(page.contains("1 of 2 in; <strong class=\"warn\">late</strong>: Placements (Bo Three)"))
        #expect(page.contains("<td data-label=\"Review data\">not a review</td>"))
    }

    @Test("every section has a heading, and every chart is an image with a title and its numbers as a table")
    func structure() throws {
        for heading in [
            "This week and next", "Series health", "Attendance by partner", "Actions", "Indicators against target",
            "Delivery",
        ] {
            #expect(page.contains(">\(heading)</h2>"))
        }
        let charts = try SVGMarks(svg: page).elements("svg")
        #expect(charts.count == 2 + 2 + 2)
        #expect(charts.allSatisfy { $0["role"] == "img" && $0["aria-labelledby"] != nil })
        #expect(Set(charts.compactMap { $0["id"] }).count == charts.count)
        #expect(page.components(separatedBy: "<details class=\"chart-data\">").count - 1 == charts.count)
    }

    @Test("the attendance chart draws the shares the health model computed")
    func attendanceChartNumbers() throws {
        let home = ConsoleHome(initiative: HomeFixture.initiative, overview: HomeFixture.overview, now: HomeFixture.now)
        let svg = ConsoleHomePage.attendanceChart(home.series[0]).svg
        let marks = SVGMarks(svg: svg)
        let y = try marks.axis()
        let bars = try marks.marks("rect", className: "bar")
        // Six meetings, two partners each; bars go meeting by meeting, partner by partner.
        #expect(
            bars.map { $0["data-value"] ?? "" } == ["0", "0", "0", "0", "0", "0", "0", "0", "100", "0", "50", "100"])
        for bar in bars {
            let value = try #require(bar["data-value"].flatMap(Double.init))
            #expect(abs((bar["y"].flatMap(Double.init) ?? .nan) - y(value)) < 0.01)
            #expect(
                abs((bar["y"].flatMap(Double.init) ?? .nan) + (bar["height"].flatMap(Double.init) ?? .nan) - y(0))
                    < 0.01)
        }
        #expect(
            svg.contains("22 Mar 2027: City Council 100%, College 0%. 29 Mar 2027: City Council 50%, College 100%."))
    }

    @Test("the stylesheet collapses tables into labelled blocks on a narrow screen")
    func stylesheet() {
        #expect(ConsoleHomePage.stylesheet.contains("@media (max-width: 40em)"))
        #expect(ConsoleHomePage.stylesheet.contains("content: attr(data-label)"))
        #expect(ConsoleHomePage.stylesheet.contains("@media print"))
    }
}
