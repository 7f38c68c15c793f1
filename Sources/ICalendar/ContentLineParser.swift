/// Parses one unfolded content line, `name *(";" param) ":" value` (RFC 5545 §3.1).
struct ContentLineParser {
    /// The parts of a content line, names upper-cased.
    struct Parsed {
        /// The property name, or BEGIN / END.
        var name: String
        /// The parameters in order.
        var parameters: [Parameter]
        /// The raw value after the first unquoted colon.
        var value: String

        /// The component name of a BEGIN or END line, checked and upper-cased.
        func componentName(line: Int) throws(ICalendarError) -> String {
            guard ContentName.isValid(Substring(value)) else {
                throw ICalendarError(
                    code: .badName, line: line,
                    message: "expected a component name of letters, digits and '-' after \(name):, found '\(value)'")
            }
            return value.uppercased()
        }
    }

    private let scalars: [Unicode.Scalar]
    private let text: String
    private let number: Int
    private var index = 0

    /// Prepares to parse `text`, which started on physical line `number`.
    init(text: String, number: Int) {
        self.scalars = Array(text.unicodeScalars)
        self.text = text
        self.number = number
    }

    /// The line's parts, or an error saying what was expected and found.
    mutating func parse() throws(ICalendarError) -> Parsed {
        guard text.unicodeScalars.contains(":") else {
            throw failure(.missingColon, "expected NAME:value, found no ':' in '\(excerpt)'")
        }
        let name = readName()
        guard !name.isEmpty, index < scalars.count, scalars[index] == ":" || scalars[index] == ";" else {
            let found = index < scalars.count ? "'\(scalars[index])'" : "the end of the line"
            throw failure(
                .badName,
                "expected a name of letters, digits and '-' followed by ':' or ';', found \(found) in '\(excerpt)'")
        }
        var parameters: [Parameter] = []
        while scalars[index] == ";" {
            index += 1
            parameters.append(try readParameter(of: name))
        }
        let value = String(String.UnicodeScalarView(scalars[(index + 1)...]))
        return Parsed(name: name.uppercased(), parameters: parameters, value: value)
    }

    private mutating func readName() -> String {
        let start = index
        while index < scalars.count, ContentName.isNameScalar(scalars[index]) { index += 1 }
        return String(String.UnicodeScalarView(scalars[start..<index]))
    }

    /// Reads `NAME=value[,value...]`, leaving `index` on the `;` or `:` that follows.
    private mutating func readParameter(of property: String) throws(ICalendarError) -> Parameter {
        let name = readName()
        guard !name.isEmpty, index < scalars.count, scalars[index] == "=" else {
            let found = index < scalars.count ? "'\(scalars[index])'" : "the end of the line"
            throw failure(.badParameter, "expected PARAMETER=value after ';' in \(property), found \(found)")
        }
        index += 1
        var values: [String] = []
        while true {
            values.append(try readParameterValue(parameter: name))
            guard index < scalars.count else {
                throw failure(.missingColon, "expected ':' before the value of \(property), found the end of the line")
            }
            switch scalars[index] {
            case ",": index += 1
            case ";", ":": return Parameter(name, values: values)
            default:
                throw failure(
                    .badParameter, "expected ',', ';' or ':' after the value of \(name), found '\(scalars[index])'")
            }
        }
    }

    private mutating func readParameterValue(parameter: String) throws(ICalendarError) -> String {
        let start: Int
        if index < scalars.count, scalars[index] == "\"" {
            index += 1
            start = index
            while index < scalars.count, scalars[index] != "\"" { index += 1 }
            guard index < scalars.count else {
                throw failure(
                    .badParameter, "expected a closing '\"' for the value of \(parameter), found the end of the line")
            }
            index += 1
            return String(String.UnicodeScalarView(scalars[start..<(index - 1)]))
        }
        start = index
        while index < scalars.count, !Self.endsUnquotedValue(scalars[index]) { index += 1 }
        if index < scalars.count, scalars[index] == "\"" {
            throw failure(.badParameter, "expected no '\"' inside the unquoted value of \(parameter), found one")
        }
        return String(String.UnicodeScalarView(scalars[start..<index]))
    }

    private static func endsUnquotedValue(_ scalar: Unicode.Scalar) -> Bool {
        scalar == ";" || scalar == ":" || scalar == "," || scalar == "\""
    }

    /// The start of the line, short enough for an error message.
    private var excerpt: String {
        text.count > 60 ? String(text.prefix(60)) + "…" : text
    }

    private func failure(_ code: ICalendarError.Code, _ message: String) -> ICalendarError {
        ICalendarError(code: code, line: number, message: message)
    }
}
