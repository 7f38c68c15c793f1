import Foundation

/// The look every home-page chart shares: colours that colour-blind readers tell apart
/// (Okabe and Ito's palette), each paired with a pattern so that bars still differ printed in
/// black and white, and the fonts and sizes of the text.
enum ChartStyle {
    /// Okabe–Ito colours, darkest-first where it matters for white pattern lines.
    static let colours = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#8C6D31"]

    static let font = "font-family=\"system-ui, sans-serif\" font-size=\"12\""

    /// The fill of series `index`: a pattern defined by `definitions(chartID:count:)`.
    static func fill(chartID: String, index: Int) -> String {
        "url(#\(chartID)-fill-\(index))"
    }

    /// One `<pattern>` per series: its colour, and a white overlay that differs by series
    /// (none, diagonal lines, dots, horizontal lines, cross-hatching, vertical lines, the other
    /// diagonal, a grid).
    static func definitions(chartID: String, count: Int) -> String {
        let overlays = [
            "",
            "<path d=\"M0 8 L8 0\" stroke=\"#fff\" stroke-width=\"1.5\"/>",
            "<circle cx=\"4\" cy=\"4\" r=\"1.6\" fill=\"#fff\"/>",
            "<path d=\"M0 4 H8\" stroke=\"#fff\" stroke-width=\"1.5\"/>",
            "<path d=\"M0 8 L8 0 M0 0 L8 8\" stroke=\"#fff\" stroke-width=\"1.2\"/>",
            "<path d=\"M4 0 V8\" stroke=\"#fff\" stroke-width=\"1.5\"/>",
            "<path d=\"M0 0 L8 8\" stroke=\"#fff\" stroke-width=\"1.5\"/>",
            "<path d=\"M0 4 H8 M4 0 V8\" stroke=\"#fff\" stroke-width=\"1\"/>",
        ]
        let patterns = (0..<count).map { index in
            "<pattern id=\"\(chartID)-fill-\(index)\" patternUnits=\"userSpaceOnUse\" width=\"8\" height=\"8\">"
                + "<rect width=\"8\" height=\"8\" fill=\"\(colours[index % colours.count])\"/>"
                + overlays[index % overlays.count] + "</pattern>"
        }
        return "<defs>" + patterns.joined() + "</defs>"
    }

    /// `12`, `12.5` or `12%`: a value as its axis and labels print it, at most one decimal.
    static func format(_ value: Double, unit: String) -> String {
        let rounded = (value * 10).rounded() / 10
        let number =
            rounded == rounded.rounded() ? String(Int(rounded)) : String(format: "%.1f", rounded)
        return unit == "%" ? number + "%" : number
    }

    /// A number with two decimals at most, for coordinates and `data-value`.
    static func coordinate(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(format: "%.2f", rounded)
    }
}

/// A value axis from zero: the top is a round number at or above every value, with four or
/// five ticks in steps of 1, 2 or 5 times a power of ten.
struct ValueAxis: Hashable, Sendable {
    let maximum: Double
    let step: Double

    /// The axis for `values`, topped at `fixedMaximum` when one is given (100 for shares).
    init(values: [Double], fixedMaximum: Double?) {
        if let fixedMaximum {
            maximum = fixedMaximum
            step = fixedMaximum / 4
            return
        }
        let largest = max(values.max() ?? 0, 0)
        guard largest > 0 else {
            maximum = 4
            step = 1
            return
        }
        let rough = largest / 4
        let magnitude = pow(10, (log10(rough)).rounded(.down))
        let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= rough } ?? 10 * magnitude
        self.step = step
        maximum = (largest / step).rounded(.up) * step
    }

    /// The values at which ticks and grid lines are drawn, from zero to the top.
    var ticks: [Double] {
        stride(from: 0, through: maximum + step / 1000, by: step).map { $0 }
    }
}
