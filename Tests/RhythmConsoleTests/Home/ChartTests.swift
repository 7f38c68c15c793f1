import Foundation
import Testing

@testable import RhythmConsole

@Suite struct ChartTests {
    let bars = BarChart(
        id: "test-bars", title: "Opened & closed", description: "January: 3 opened, 7 closed; February: 12 opened.",
        categories: ["January", "February", "March"],
        series: [
            BarChart.Series(name: "Opened", values: [3, 12, 0]),
            BarChart.Series(name: "Closed", values: [7, nil, 5]),
        ],
        unit: "", fixedMaximum: nil)

    @Test("each bar stands on the zero line and reaches its value on the printed axis")
    func barHeights() throws {
        let marks = SVGMarks(svg: bars.svg)
        let y = try marks.axis()
        let drawn = try marks.marks("rect", className: "bar")
        #expect(drawn.compactMap { $0["data-value"].flatMap(Double.init) } == [3, 7, 12, 0, 5])
        for bar in drawn {
            let value = try #require(bar["data-value"].flatMap(Double.init))
            let top = try #require(bar["y"].flatMap(Double.init))
            let height = try #require(bar["height"].flatMap(Double.init))
            #expect(abs(top - y(value)) < 0.01)
            #expect(abs(top + height - y(0)) < 0.01)
        }
    }

    @Test("the axis reaches a round number above the largest value")
    func axisTop() throws {
        let grid = try SVGMarks(svg: bars.svg).marks("line", className: "grid").compactMap { $0["data-value"] }
        #expect(grid == ["0", "5", "10", "15"])
        #expect(ValueAxis(values: [3, 12], fixedMaximum: nil).maximum >= 12)
        #expect(ValueAxis(values: [0.4], fixedMaximum: nil).maximum >= 0.4)
        #expect(ValueAxis(values: [], fixedMaximum: 100).ticks == [0, 25, 50, 75, 100])
    }

    @Test("the chart is an image with its title and the numbers in words, scaled by its viewBox")
    func accessibleImage() throws {
        let root = try #require(try SVGMarks(svg: bars.svg).elements("svg").first)
        #expect(root["role"] == "img")
        #expect(root["aria-labelledby"] == "test-bars-title test-bars-desc")
        #expect(root["viewBox"]?.hasPrefix("0 0 640 ") == true)
        #expect(root["width"] == nil)
        #expect(bars.svg.contains("<title id=\"test-bars-title\">Opened &amp; closed</title>"))
        #expect(
            bars.svg.contains("<desc id=\"test-bars-desc\">January: 3 opened, 7 closed; February: 12 opened.</desc>"))
    }

    @Test("series differ by pattern as well as colour, and the legend shows the same fills")
    func patterns() throws {
        let marks = SVGMarks(svg: bars.svg)
        let patterns = try marks.elements("pattern")
        #expect(patterns.map { $0["id"] } == ["test-bars-fill-0", "test-bars-fill-1"])
        #expect(bars.svg.contains("<pattern id=\"test-bars-fill-1\"") && bars.svg.contains("M0 8 L8 0"))
        let fills = try marks.marks("rect", className: "bar").map { $0["fill"] }
        #expect(Set(fills) == ["url(#test-bars-fill-0)", "url(#test-bars-fill-1)"])
        #expect(Set(ChartStyle.colours).count == ChartStyle.colours.count)
    }

    @Test("a line chart puts each value on the axis, draws the target, and leaves a gap where a value is missing")
    func lineChart() throws {
        let chart = LineChart(
            id: "test-line", title: "Attendance", description: "Q1 88%, Q2 none, Q3 90.5%, Q4 93%.",
            categories: ["Q1", "Q2", "Q3", "Q4"], name: "Attendance", values: [88, nil, 90.5, 93], unit: "%",
            target: 92)
        let marks = SVGMarks(svg: chart.svg)
        let y = try marks.axis()
        let points = try marks.marks("circle", className: "point")
        #expect(points.compactMap { $0["data-value"].flatMap(Double.init) } == [88, 90.5, 93])
        for point in points {
            let value = try #require(point["data-value"].flatMap(Double.init))
            let cy = try #require(point["cy"].flatMap(Double.init))
            #expect(abs(cy - y(value)) < 0.01)
        }
        let target = try #require(try marks.marks("line", className: "target").first)
        #expect(abs((target["y1"].flatMap(Double.init) ?? .nan) - y(92)) < 0.01)
        let lines = try marks.marks("polyline", className: "line")
        #expect(lines.count == 1)
        #expect(lines.first?["points"]?.split(separator: " ").count == 2)
        #expect(chart.svg.contains(">Target 92%</text>"))
    }

    @Test("values are written with at most one decimal, with the unit for shares")
    func formatting() {
        #expect(ChartStyle.format(66.666, unit: "%") == "66.7%")
        #expect(ChartStyle.format(12, unit: "") == "12")
        #expect(ChartStyle.format(0.04, unit: "") == "0")
    }
}
