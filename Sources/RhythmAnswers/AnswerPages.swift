import Crypto
import Foundation
import Mustache

/// Renders the answer pages through Mustache templates, which coordinators can override the
/// way they override agenda templates: a file `templates/answers/<name>.mustache` beside the
/// configuration replaces the built-in template of that name (the templates README lists
/// them), and `templates/answers/answer.css` replaces the style sheet.
///
/// The style sheet is put inline, and the `Content-Security-Policy` allows exactly that
/// style by its hash, so pages need no other request and no script can run.
public struct AnswerPages: Sendable {
    /// The file names a template directory may hold, without `.mustache`.
    public static let templateNames = BuiltInAnswerTemplates.templates.keys.sorted()

    private let library: MustacheLibrary
    /// The style sheet every page carries inline.
    let style: String
    /// The `Content-Security-Policy` of every page: no script, no frame, no third party, and
    /// forms posting only back to Rhythm.
    let contentSecurityPolicy: String

    /// Loads the built-in templates, then those of `directory` over them.
    public init(directory: URL? = nil) throws(AnswerPageError) {
        var sources = BuiltInAnswerTemplates.templates
        var style = BuiltInAnswerTemplates.style
        if let directory {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            for name in names.sorted() {
                let file = directory.appendingPathComponent(name).path
                if name == "answer.css" {
                    style = try Self.read(file)
                } else if name.hasSuffix(".mustache") {
                    sources[String(name.dropLast(".mustache".count))] = try Self.read(file)
                }
            }
        }
        var library = MustacheLibrary()
        for (name, text) in sources.sorted(by: { $0.key < $1.key }) {
            let file = directory?.appendingPathComponent(name + ".mustache").path ?? "built-in \(name)"
            do {
                library.register(try MustacheTemplate(string: text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                throw AnswerPageError(
                    code: "malformed-template",
                    description: "\(file):\(error.context.lineNumber):\(error.context.columnNumber): error: the "
                        + "template does not parse (\(error.error)); check its tags against the Mustache manual, or "
                        + "remove the file to use the built-in template.")
            } catch {
                throw AnswerPageError(
                    code: "malformed-template",
                    description: "\(file): error: the template does not parse (\(error)); check its tags against "
                        + "the Mustache manual, or remove the file to use the built-in template.")
            }
        }
        self.library = library
        self.style = style
        let hash = Data(SHA256.hash(data: Data(style.utf8))).base64EncodedString()
        contentSecurityPolicy =
            "default-src 'none'; style-src 'sha256-\(hash)'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'"
    }

    /// `templates/answers/` beside the configuration file, when it exists.
    public static func defaultDirectory(forConfigurationAt configurationPath: String) -> URL? {
        let directory = URL(fileURLWithPath: configurationPath).deletingLastPathComponent()
            .appendingPathComponent("templates").appendingPathComponent("answers")
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory)
            && isDirectory.boolValue ? directory : nil
    }

    /// The page `template` with `view`, plus the style every page carries.
    func render(_ template: String, _ view: [String: Any]) -> String {
        var view = view
        view["style"] = style
        return library.render(view, withTemplate: template) ?? ""
    }

    private static func read(_ file: String) throws(AnswerPageError) -> String {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw AnswerPageError(
                code: "unreadable-template",
                description: "\(file): the template cannot be read; check that the rhythm user may read it.")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
