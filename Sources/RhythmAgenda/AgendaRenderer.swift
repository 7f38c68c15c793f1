import Foundation
import Mustache
import RhythmCore

/// Renders agendas, and the minutes of meetings, through Mustache templates that
/// coordinators can edit.
///
/// The built-in templates ship with Rhythm (the `Templates` resource of this module;
/// `config/templates/` in the repository holds the same files to copy and edit). A template
/// directory, when given, overrides them file by file: a directory with only
/// `agenda.html.mustache` changes the HTML page and keeps the built-in Markdown and text.
/// Every `.mustache` file in the directory is checked when the renderer is made, so a
/// broken template is reported before any agenda goes out; the built-in ones are parsed when
/// the first agenda is rendered.
public struct AgendaRenderer: Sendable {
    /// The directory the templates were read from, nil for the built-in ones only.
    public let directory: URL?
    /// Names in the directory's templates that Rhythm never provides and that render as
    /// nothing (see `TemplateNameCheck`), for `rhythm check` to show; the built-in templates
    /// have none (``checkBuiltInTemplates()``).
    public let warnings: [AgendaTemplateWarning]
    private let library: TemplateLibrary

    /// Loads the built-in templates, then those of `directory` over them.
    ///
    /// - Throws: `AgendaTemplateError` naming the file, line and tag of a template that
    ///   does not parse, a partial that names no template, or a directory that does not
    ///   exist.
    public init(directory: URL? = nil) throws(AgendaTemplateError) {
        self.directory = directory
        var builtIn: [String: TemplateLibrary.Source] = [:]
        for (name, file) in try Self.templateFiles(in: try Self.builtInDirectory()) {
            builtIn[name] = TemplateLibrary.Source(file: file, text: try Self.read(file))
        }
        var own: [String: TemplateLibrary.Source] = [:]
        if let directory {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory),
                isDirectory.boolValue
            else {
                throw AgendaTemplateError(
                    code: .missingTemplate, file: directory.path,
                    message: "The template directory does not exist.",
                    advice:
                        "Create it (copy config/templates/ from Rhythm's sources) or leave out --templates to use the built-in templates."
                )
            }
            for (name, file) in try Self.templateFiles(in: directory) {
                own[name] = TemplateLibrary.Source(file: file, text: try Self.read(file))
                builtIn[name] = nil
            }
        }
        // The operator's templates are checked now; the built-in ones are Rhythm's own.
        var parsed: [String: MustacheTemplate] = [:]
        for (name, source) in own.sorted(by: { $0.key < $1.key }) {
            parsed[name] = try Self.parse(source.text, file: source.file, plainText: Self.isPlainText(name))
        }
        for (_, source) in own.sorted(by: { $0.key < $1.key }) {
            for partial in TemplateScanner(source.text).partials
            where own[partial.name] == nil && builtIn[partial.name] == nil {
                throw AgendaTemplateError(
                    code: .missingTemplate, file: source.file, line: partial.line, column: partial.column,
                    tag: partial.text,
                    message: "The partial \(partial.text) names a template that does not exist.",
                    advice:
                        "Create \(partial.name).mustache beside \(URL(fileURLWithPath: source.file).lastPathComponent), or remove the tag."
                )
            }
        }
        library = TemplateLibrary(parsed: parsed, builtIn: builtIn)
        warnings = Self.warnings(in: own)
    }

    /// Parses every built-in template and returns what ``warnings`` would say of them: what
    /// Rhythm's tests check, since a renderer parses the built-in templates only when it
    /// first renders.
    public static func checkBuiltInTemplates() throws(AgendaTemplateError) -> [AgendaTemplateWarning] {
        var sources: [String: TemplateLibrary.Source] = [:]
        for (name, file) in try templateFiles(in: try builtInDirectory()) {
            let source = TemplateLibrary.Source(file: file, text: try read(file))
            _ = try parse(source.text, file: source.file, plainText: isPlainText(name))
            for partial in TemplateScanner(source.text).partials {
                _ = try read(
                    URL(fileURLWithPath: file).deletingLastPathComponent()
                        .appendingPathComponent("\(partial.name).mustache").path)
            }
            sources[name] = source
        }
        return warnings(in: sources)
    }

    /// Whether the template `name` writes plain text (no HTML escaping).
    static func isPlainText(_ name: String) -> Bool {
        AgendaFormat.allCases.contains { $0.isPlainText && ($0.templateName == name || $0.minutesTemplateName == name) }
    }

    /// The names in `sources` that Rhythm never provides (see `TemplateNameCheck`).
    private static func warnings(in sources: [String: TemplateLibrary.Source]) -> [AgendaTemplateWarning] {
        let agendas = Set(AgendaFormat.allCases.map(\.templateName))
        let minutes = Set(AgendaFormat.allCases.map(\.minutesTemplateName))
        return sources.sorted { $0.key < $1.key }.flatMap { name, source in
            if agendas.contains(name) {
                TemplateNameCheck(keys: .agenda).warnings(in: source.text, file: source.file, isPartial: false)
            } else if minutes.contains(name) {
                TemplateNameCheck(keys: .minutes).warnings(in: source.text, file: source.file, isPartial: false)
            } else {
                TemplateNameCheck(keys: .partials).warnings(in: source.text, file: source.file, isPartial: true)
            }
        }
    }

    /// `templates/` beside the configuration file at `configurationPath`, when it exists:
    /// where coordinators keep their edited templates.
    public static func defaultDirectory(forConfigurationAt configurationPath: String) -> URL? {
        let directory = URL(fileURLWithPath: configurationPath).deletingLastPathComponent()
            .appendingPathComponent("templates")
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory)
            && isDirectory.boolValue ? directory : nil
    }

    /// The agenda in `format`.
    public func render(_ agenda: Agenda, format: AgendaFormat) -> String {
        library.render(AgendaView(agenda: agenda).dictionary, withTemplate: format.templateName) ?? ""
    }

    /// The minutes in `format`, from the `minutes.*.mustache` templates.
    public func render(_ minutes: MinutesContent, format: AgendaFormat) -> String {
        library.render(MinutesView(content: minutes).dictionary, withTemplate: format.minutesTemplateName) ?? ""
    }

    /// The directory of the built-in templates inside the module's resource bundle, which
    /// SwiftPM puts beside the executable (or the test bundle).
    ///
    /// Looked up by hand rather than through `Bundle.module`, which stops the process when
    /// the bundle is missing; a missing bundle is an error the command line can explain.
    public static func builtInDirectory() throws(AgendaTemplateError) -> URL {
        var places = [Bundle.main.bundleURL]
        if let executable = Bundle.main.executableURL {
            places.append(executable.resolvingSymlinksInPath().deletingLastPathComponent())
        }
        for place in places {
            for bundle in ["Rhythm_RhythmAgenda.resources", "Rhythm_RhythmAgenda.bundle"] {
                for inner in ["Templates", "Contents/Resources/Templates"] {
                    let directory = place.appendingPathComponent(bundle).appendingPathComponent(inner)
                    if FileManager.default.fileExists(
                        atPath: directory.appendingPathComponent("agenda.html.mustache").path)
                    {
                        return directory
                    }
                }
            }
        }
        throw AgendaTemplateError(
            code: .missingTemplate, file: places[0].appendingPathComponent("Rhythm_RhythmAgenda.resources").path,
            message: "The built-in agenda templates are not installed beside the rhythm executable.",
            advice: "Install the Rhythm_RhythmAgenda.resources directory from the build beside the executable."
        )
    }

    /// The `.mustache` files directly in `directory`, by template name.
    private static func templateFiles(in directory: URL) throws(AgendaTemplateError) -> [(String, String)] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            throw AgendaTemplateError(
                code: .unreadableTemplate, file: directory.path,
                message: "The template directory cannot be read.",
                advice: "Check that it exists and that the rhythm user may read it."
            )
        }
        return names.filter { $0.hasSuffix(".mustache") }.sorted().map {
            (String($0.dropLast(".mustache".count)), directory.appendingPathComponent($0).path)
        }
    }

    private static func read(_ file: String) throws(AgendaTemplateError) -> String {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw AgendaTemplateError(
                code: .unreadableTemplate, file: file,
                message: "The template cannot be read.",
                advice: "Check that the rhythm user may read it."
            )
        }
        return String(decoding: data, as: UTF8.self)
    }
}
