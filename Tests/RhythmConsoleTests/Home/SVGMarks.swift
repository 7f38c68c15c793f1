import Foundation

/// The marks of an SVG chart as a test reads them: each element of a kind with its
/// attributes, found with a regular expression (Foundation's XML parsers are not on every
/// Linux), and the axis that maps values to heights, from the chart's own grid lines.
struct SVGMarks {
    let svg: String

    /// Every `<name ...>` element's attributes, in document order.
    func elements(_ name: String) throws -> [[String: String]] {
        let element = try Regex("<\(name)\\s([^>]*)>")
        let attribute = try Regex("([a-zA-Z][a-zA-Z0-9-]*)=\"([^\"]*)\"")
        return svg.matches(of: element).map { match in
            let text = match.output[1].substring.map(String.init) ?? ""
            var attributes: [String: String] = [:]
            for pair in text.matches(of: attribute) {
                if let key = pair.output[1].substring, let value = pair.output[2].substring {
                    attributes[String(key)] = String(value)
                }
            }
            return attributes
        }
    }

    /// The elements of `name` with `class` `className`.
    func marks(_ name: String, className: String) throws -> [[String: String]] {
        try elements(name).filter { $0["class"] == className }
    }

    /// Maps a value to its y coordinate through the lowest and highest grid lines the chart
    /// drew, as a reader of the printed axis would.
    func axis() throws -> (Double) -> Double {
        let grid = try marks("line", className: "grid").compactMap { line -> (value: Double, y: Double)? in
            guard let value = line["data-value"].flatMap(Double.init), let y = line["y1"].flatMap(Double.init)
            else { return nil }
            return (value, y)
        }.sorted { $0.value < $1.value }
        guard let low = grid.first, let high = grid.last, high.value > low.value else {
            return { _ in .nan }
        }
        return { value in low.y + (value - low.value) * (high.y - low.y) / (high.value - low.value) }
    }
}
