import RhythmDelivery

/// Where a chart's plot sits in its 640-unit-wide `viewBox`, and how values map to heights.
///
/// Every mark carries its number in `data-value`, every grid line its value, so that tests
/// (and curious readers of the source) can check a mark against the axis it is read on.
struct ChartFrame: Sendable {
    static let width = 640.0
    let left = 56.0
    let right = 16.0
    let top = 16.0
    let plotHeight = 180.0
    let axis: ValueAxis
    let unit: String

    var plotWidth: Double { Self.width - left - right }
    /// The y coordinate of the zero line.
    var bottom: Double { top + plotHeight }

    /// The y coordinate of `value` on the axis.
    func y(_ value: Double) -> Double {
        bottom - plotHeight * min(max(value, 0), axis.maximum) / axis.maximum
    }

    /// The grid lines and their labels, and the zero line.
    var grid: String {
        axis.ticks.map { tick in
            let y = ChartStyle.coordinate(self.y(tick))
            return
                "<line class=\"grid\" data-value=\"\(ChartStyle.coordinate(tick))\" x1=\"\(ChartStyle.coordinate(left))\" "
                + "x2=\"\(ChartStyle.coordinate(left + plotWidth))\" y1=\"\(y)\" y2=\"\(y)\" "
                + "stroke=\"\(tick == 0 ? "#333" : "#ccc")\" stroke-width=\"1\"/>"
                + "<text class=\"tick\" x=\"\(ChartStyle.coordinate(left - 6))\" y=\"\(y)\" dy=\"4\" "
                + "text-anchor=\"end\" fill=\"#333\">\(ChartStyle.format(tick, unit: unit))</text>"
        }.joined()
    }

    /// The opening of the SVG document: size, role and accessible name and description.
    static func open(id: String, height: Double, title: String, description: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" id=\"\(id)\" role=\"img\" "
            + "viewBox=\"0 0 \(ChartStyle.coordinate(width)) \(ChartStyle.coordinate(height))\" "
            + "aria-labelledby=\"\(id)-title \(id)-desc\" \(ChartStyle.font)>"
            + "<title id=\"\(id)-title\">\(HTMLText.escape(title))</title>"
            + "<desc id=\"\(id)-desc\">\(HTMLText.escape(description))</desc>"
    }
}
