/// The forms an agenda is rendered in, each from its own template.
public enum AgendaFormat: String, CaseIterable, Hashable, Sendable {
    /// Markdown, for chat and for pasting into documents.
    case markdown = "md"
    /// A self-contained HTML page for e-mail and printing.
    case html
    /// Plain text, for terminals and calendar descriptions.
    case text

    /// The template's name in the library: the file name without `.mustache`.
    public var templateName: String {
        switch self {
        case .markdown: "agenda.md"
        case .html: "agenda.html"
        case .text: "agenda.txt"
        }
    }

    /// The name of the template of minutes in this format: `minutes.html` and so on.
    public var minutesTemplateName: String {
        switch self {
        case .markdown: "minutes.md"
        case .html: "minutes.html"
        case .text: "minutes.txt"
        }
    }

    /// The template's file name, such as `agenda.html.mustache`.
    public var fileName: String { templateName + ".mustache" }

    /// Whether values go in as they are (Markdown, text) rather than HTML-escaped.
    var isPlainText: Bool { self != .html }
}
