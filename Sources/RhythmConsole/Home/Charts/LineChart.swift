import RhythmDelivery

/// One line of values over categories, with a dashed target line, drawn as inline SVG: a
/// marker on every value, the value written above it, and gaps where a value is missing.
struct LineChart: Sendable {
    /// Unique in the page: element ids start with it.
    let id: String
    let title: String
    /// The numbers in words, for screen readers.
    let description: String
    let categories: [String]
    /// The line's name in the legend.
    let name: String
    let values: [Double?]
    let unit: String
    /// Drawn as a dashed line across the plot; nil for none.
    let target: Double?

    /// The SVG document.
    var svg: String {
        let frame = ChartFrame(
            axis: ValueAxis(values: values.compactMap { $0 } + [target].compactMap { $0 }, fixedMaximum: nil),
            unit: unit)
        // The legend: the line on one row, the target under it, so that long names never meet.
        let height = frame.bottom + (target == nil ? 56 : 76)
        let step = frame.plotWidth / Double(max(categories.count, 1))
        let x = { (index: Int) in frame.left + step * (Double(index) + 0.5) }
        var marks = ""
        if let target {
            let y = ChartStyle.coordinate(frame.y(target))
            marks +=
                "<line class=\"target\" data-value=\"\(ChartStyle.coordinate(target))\" "
                + "x1=\"\(ChartStyle.coordinate(frame.left))\" x2=\"\(ChartStyle.coordinate(frame.left + frame.plotWidth))\" "
                + "y1=\"\(y)\" y2=\"\(y)\" stroke=\"#D55E00\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>"
        }
        // One polyline per run of consecutive values, so that a missing period is a gap.
        var runs: [[Int]] = []
        for index in values.indices {
            guard values[index] != nil else { continue }
            if let last = runs.last?.last, last == index - 1 {
                runs[runs.count - 1].append(index)
            } else {
                runs.append([index])
            }
        }
        for run in runs where run.count > 1 {
            let points = run.map {
                "\(ChartStyle.coordinate(x($0))),\(ChartStyle.coordinate(frame.y(values[$0] ?? 0)))"
            }
            marks +=
                "<polyline class=\"line\" points=\"\(points.joined(separator: " "))\" fill=\"none\" "
                + "stroke=\"#0072B2\" stroke-width=\"2.5\"/>"
        }
        for (index, label) in categories.enumerated() {
            if index < values.count, let value = values[index] {
                let y = frame.y(value)
                let text = ChartStyle.format(value, unit: unit)
                marks +=
                    "<circle class=\"point\" data-value=\"\(ChartStyle.coordinate(value))\" "
                    + "cx=\"\(ChartStyle.coordinate(x(index)))\" cy=\"\(ChartStyle.coordinate(y))\" r=\"4\" "
                    + "fill=\"#fff\" stroke=\"#0072B2\" stroke-width=\"2\"><title>\(HTMLText.escape("\(label): \(text)"))"
                    + "</title></circle><text class=\"label\" x=\"\(ChartStyle.coordinate(x(index)))\" "
                    + "y=\"\(ChartStyle.coordinate(y - 9))\" text-anchor=\"middle\" fill=\"#222\">\(text)</text>"
            }
            marks +=
                "<text class=\"category\" x=\"\(ChartStyle.coordinate(x(index)))\" "
                + "y=\"\(ChartStyle.coordinate(frame.bottom + 18))\" text-anchor=\"middle\" fill=\"#222\">"
                + "\(HTMLText.escape(label))</text>"
        }
        let legendY = frame.bottom + 36
        var legend =
            "<line x1=\"\(ChartStyle.coordinate(frame.left))\" x2=\"\(ChartStyle.coordinate(frame.left + 24))\" "
            + "y1=\"\(ChartStyle.coordinate(legendY))\" y2=\"\(ChartStyle.coordinate(legendY))\" stroke=\"#0072B2\" "
            + "stroke-width=\"2.5\"/><circle cx=\"\(ChartStyle.coordinate(frame.left + 12))\" "
            + "cy=\"\(ChartStyle.coordinate(legendY))\" r=\"4\" fill=\"#fff\" stroke=\"#0072B2\" stroke-width=\"2\"/>"
            + "<text class=\"legend\" x=\"\(ChartStyle.coordinate(frame.left + 30))\" "
            + "y=\"\(ChartStyle.coordinate(legendY + 4))\" fill=\"#222\">\(HTMLText.escape(name))</text>"
        if let target {
            let targetY = legendY + 20
            legend +=
                "<line x1=\"\(ChartStyle.coordinate(frame.left))\" x2=\"\(ChartStyle.coordinate(frame.left + 24))\" "
                + "y1=\"\(ChartStyle.coordinate(targetY))\" y2=\"\(ChartStyle.coordinate(targetY))\" stroke=\"#D55E00\" "
                + "stroke-width=\"2\" stroke-dasharray=\"6 4\"/><text class=\"legend\" "
                + "x=\"\(ChartStyle.coordinate(frame.left + 30))\" y=\"\(ChartStyle.coordinate(targetY + 4))\" "
                + "fill=\"#222\">Target \(ChartStyle.format(target, unit: unit))</text>"
        }
        return ChartFrame.open(id: id, height: height, title: title, description: description) + frame.grid + marks
            + legend + "</svg>"
    }
}
