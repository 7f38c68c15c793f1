import RhythmDelivery

/// Bars grouped by category, one bar per series in each group, drawn as inline SVG with a
/// value axis from zero, category labels, a legend and, where bars are wide enough, the
/// value on each bar.
struct BarChart: Sendable {
    /// One kind of bar: its name in the legend and its value in each category (nil where
    /// there is none: no bar is drawn).
    struct Series: Hashable, Sendable {
        let name: String
        let values: [Double?]
    }

    /// Unique in the page: element ids start with it.
    let id: String
    let title: String
    /// The numbers in words, for screen readers.
    let description: String
    let categories: [String]
    let series: [Series]
    /// `%` for shares, else empty.
    let unit: String
    /// The top of the axis when it is fixed (100 for shares); nil to fit the values.
    let fixedMaximum: Double?

    /// The SVG document.
    var svg: String {
        let frame = ChartFrame(
            axis: ValueAxis(values: series.flatMap { $0.values.compactMap { $0 } }, fixedMaximum: fixedMaximum),
            unit: unit)
        let legendRows = (series.count + 1) / 2
        let height = frame.bottom + 40 + Double(legendRows) * 20
        let groupWidth = frame.plotWidth / Double(max(categories.count, 1))
        let barWidth = groupWidth * 0.8 / Double(max(series.count, 1))
        var marks = ""
        for (category, label) in categories.enumerated() {
            let groupLeft = frame.left + groupWidth * Double(category)
            for (index, one) in series.enumerated() {
                guard category < one.values.count, let value = one.values[category] else { continue }
                let x = groupLeft + groupWidth * 0.1 + barWidth * Double(index)
                let y = frame.y(value)
                let text = ChartStyle.format(value, unit: unit)
                marks +=
                    "<rect class=\"bar\" data-series=\"\(index)\" data-value=\"\(ChartStyle.coordinate(value))\" "
                    + "x=\"\(ChartStyle.coordinate(x))\" y=\"\(ChartStyle.coordinate(y))\" "
                    + "width=\"\(ChartStyle.coordinate(barWidth))\" height=\"\(ChartStyle.coordinate(frame.bottom - y))\" "
                    + "fill=\"\(ChartStyle.fill(chartID: id, index: index))\" stroke=\"#222\" stroke-width=\"0.5\">"
                    + "<title>\(HTMLText.escape("\(one.name), \(label): \(text)"))</title></rect>"
                if barWidth >= 22 {
                    marks +=
                        "<text class=\"label\" x=\"\(ChartStyle.coordinate(x + barWidth / 2))\" "
                        + "y=\"\(ChartStyle.coordinate(y - 4))\" text-anchor=\"middle\" fill=\"#222\">\(text)</text>"
                }
            }
            marks +=
                "<text class=\"category\" x=\"\(ChartStyle.coordinate(groupLeft + groupWidth / 2))\" "
                + "y=\"\(ChartStyle.coordinate(frame.bottom + 18))\" text-anchor=\"middle\" fill=\"#222\">"
                + "\(HTMLText.escape(label))</text>"
        }
        let legend = series.enumerated().map { index, one in
            let x = frame.left + Double(index % 2) * 284
            let y = frame.bottom + 30 + Double(index / 2) * 20
            return "<rect x=\"\(ChartStyle.coordinate(x))\" y=\"\(ChartStyle.coordinate(y))\" width=\"14\" "
                + "height=\"14\" fill=\"\(ChartStyle.fill(chartID: id, index: index))\" stroke=\"#222\" "
                + "stroke-width=\"0.5\"/><text class=\"legend\" x=\"\(ChartStyle.coordinate(x + 20))\" "
                + "y=\"\(ChartStyle.coordinate(y + 11))\" fill=\"#222\">\(HTMLText.escape(one.name))</text>"
        }.joined()
        return ChartFrame.open(id: id, height: height, title: title, description: description)
            + ChartStyle.definitions(chartID: id, count: series.count) + frame.grid + marks + legend + "</svg>"
    }
}
