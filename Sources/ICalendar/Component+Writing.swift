import Foundation

/// Serialisation to the bytes clients receive.
///
/// Every line ends in CRLF, long lines are folded at 75 octets, parameter values are quoted
/// when they contain `:`, `;` or `,`, and the output depends only on the model, so the same
/// calendar always yields the same bytes (which keeps ETags stable and golden files exact).
extension Component {
    /// The component as iCalendar text, every line ending in CRLF.
    public func serialized() -> String {
        var text = ""
        write(into: &text)
        return text
    }

    /// The component as UTF-8 bytes without a BOM, ready for a `text/calendar` response.
    public func serializedData() -> Data {
        Data(serialized().utf8)
    }

    private func write(into text: inout String) {
        text += "BEGIN:\(name)\r\n"
        for property in properties {
            text += LineFolding.folded(property.contentLine)
            text += "\r\n"
        }
        for component in components {
            component.write(into: &text)
        }
        text += "END:\(name)\r\n"
    }
}

extension Property {
    /// The unfolded content line, `NAME;PARAM=value:value`.
    var contentLine: String {
        var line = name
        for parameter in parameters {
            line += ";\(parameter.name)="
            line += parameter.values.map { Parameter.needsQuotes($0) ? "\"\($0)\"" : $0 }.joined(separator: ",")
        }
        return line + ":" + value
    }
}
