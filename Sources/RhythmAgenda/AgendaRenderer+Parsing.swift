import Mustache

extension AgendaRenderer {
    /// The pragma that makes a template insert values as they are; Markdown and text
    /// templates get it whatever the file says, so no edit can make them HTML-escape.
    static let plainTextPragma = "{{% CONTENT_TYPE: TEXT}}\n"

    /// Parses `text`, turning swift-mustache's parser error into one that names the file,
    /// the line and the tag, and says how to fix it.
    static func parse(_ text: String, file: String, plainText: Bool) throws(AgendaTemplateError) -> MustacheTemplate {
        let scanner = TemplateScanner(text)
        // The scan finds section mistakes before the parser, with the tag at fault.
        if !scanner.changesDelimiters, let mismatch = scanner.mismatch {
            throw error(for: mismatch, file: file)
        }
        do {
            return try MustacheTemplate(string: plainText ? plainTextPragma + text : text)
        } catch let parserError as MustacheTemplate.ParserError {
            let line = parserError.context.lineNumber - (plainText ? 1 : 0)
            let column = parserError.context.columnNumber
            let tag = scanner.changesDelimiters ? nil : scanner.tag(at: line, column: column)
            let quoted = tag?.text ?? String(parserError.context.line.drop { $0.isWhitespace })
            let (message, advice) = explanation(of: parserError.error, tag: quoted)
            throw AgendaTemplateError(
                code: .malformedTag, file: file, line: max(line, 1), column: tag?.column ?? column, tag: quoted,
                message: message, advice: advice)
        } catch {
            throw AgendaTemplateError(
                code: .malformedTag, file: file, message: "The template does not parse (\(error)).",
                advice: "Check its tags against the Mustache manual.")
        }
    }

    private static func error(for mismatch: TemplateScanner.Mismatch, file: String) -> AgendaTemplateError {
        switch mismatch {
        case .unexpectedClose(let tag, let open?):
            return AgendaTemplateError(
                code: .unmatchedClosingTag, file: file, line: tag.line, column: tag.column, tag: tag.text,
                message:
                    "The closing tag \(tag.text) does not match the open section \(open.text) of line \(open.line).",
                advice: "Close that section first with {{/\(open.name)}}, or correct the name.")
        case .unexpectedClose(let tag, nil):
            return AgendaTemplateError(
                code: .unmatchedClosingTag, file: file, line: tag.line, column: tag.column, tag: tag.text,
                message: "The closing tag \(tag.text) closes no section.",
                advice: "Remove it, or open the section earlier with {{#\(tag.name)}}.")
        case .unterminated(let tag):
            return AgendaTemplateError(
                code: .malformedTag, file: file, line: tag.line, column: tag.column, tag: tag.text,
                message: "The tag \(tag.text) is not finished.",
                advice: "End it with }} (or }}} for a triple mustache).")
        case .unclosed(let tag):
            return AgendaTemplateError(
                code: .unclosedSection, file: file, line: tag.line, column: tag.column, tag: tag.text,
                message: "The section \(tag.text) is never closed.",
                advice: "Add {{/\(tag.name)}} where the section should end.")
        }
    }

    private static func explanation(of error: any Error, tag: String) -> (String, String) {
        switch error as? MustacheTemplate.Error {
        case .unfinishedName?:
            return (
                "The tag \(tag) is not finished or its name is not valid.",
                "End every tag with }}, or }}} for a triple mustache, and use only letters, digits, '-', '_' and '.' in names."
            )
        case .invalidSetDelimiter?:
            return ("The delimiter tag \(tag) is not valid.", "Write it as {{=<% %>=}}, with a space between the two.")
        case .invalidConfigVariableSyntax?, .unrecognisedConfigVariable?:
            return (
                "The pragma \(tag) is not understood.",
                "Only {{% CONTENT_TYPE: HTML}} and {{% CONTENT_TYPE: TEXT}} exist; remove the tag otherwise."
            )
        case .sectionCloseNameIncorrect?, .expectedSectionEnd?:
            return (
                "The sections around \(tag) do not match.", "Close every {{#name}} with {{/name}}, innermost first."
            )
        default:
            return ("The tag \(tag) cannot be used here (\(error)).", "Check it against the Mustache manual.")
        }
    }
}
