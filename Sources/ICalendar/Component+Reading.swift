import Foundation

/// Parsing of iCalendar text into components.
///
/// The reader is lenient where real files differ harmlessly (LF-only line ends, a UTF-8 BOM,
/// blank lines, folds with a tab, folds that split a UTF-8 sequence) and strict where
/// guessing would lose data (unbalanced BEGIN/END, missing colons, broken parameters).
extension Component {
    /// The top-level components of `text`, usually exactly one VCALENDAR.
    public static func parse(_ text: String) throws(ICalendarError) -> [Component] {
        try parse(Data(text.utf8))
    }

    /// The top-level components of UTF-8 `data`; invalid UTF-8 becomes U+FFFD.
    public static func parse(_ data: Data) throws(ICalendarError) -> [Component] {
        var open: [(component: Component, line: Int)] = []
        var finished: [Component] = []
        for line in ContentLineSplitter.logicalLines(of: data) {
            var parser = ContentLineParser(text: line.text, number: line.number)
            let parsed = try parser.parse()
            switch parsed.name {
            case "BEGIN":
                open.append((Component(try parsed.componentName(line: line.number)), line.number))
            case "END":
                let name = try parsed.componentName(line: line.number)
                guard let innermost = open.popLast() else {
                    throw ICalendarError(
                        code: .unmatchedEnd, line: line.number,
                        message: "found END:\(name) but no component is open")
                }
                guard innermost.component.name == name else {
                    throw ICalendarError(
                        code: .unmatchedEnd, line: line.number,
                        message: "expected END:\(innermost.component.name) (opened on line \(innermost.line)), "
                            + "found END:\(name)")
                }
                if open.isEmpty {
                    finished.append(innermost.component)
                } else {
                    open[open.count - 1].component.components.append(innermost.component)
                }
            default:
                guard !open.isEmpty else {
                    throw ICalendarError(
                        code: .propertyOutsideComponent, line: line.number,
                        message: "expected BEGIN:VCALENDAR or another BEGIN, found the property \(parsed.name)")
                }
                open[open.count - 1].component.properties.append(
                    Property(parsed.name, parameters: parsed.parameters, value: parsed.value))
            }
        }
        if let unclosed = open.last {
            throw ICalendarError(
                code: .unclosedComponent, line: unclosed.line,
                message: "expected END:\(unclosed.component.name) before the end of the text, found none")
        }
        return finished
    }
}
