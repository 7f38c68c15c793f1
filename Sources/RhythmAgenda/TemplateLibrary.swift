import Mustache
import Synchronization

/// The parsed templates of an ``AgendaRenderer``.
///
/// The operator's own templates are parsed when the renderer is made, which is how a broken
/// one is reported before any agenda goes out. The built-in ones, checked by Rhythm's own
/// tests, are parsed when the first agenda or minutes are rendered, so that a command that
/// renders none (`rhythm check`, `rhythm upcoming`) does not spend its start-up on them.
final class TemplateLibrary: Sendable {
    /// A template's text and where it came from, before it is parsed.
    struct Source: Sendable {
        let file: String
        let text: String
    }

    private let parsed: [String: MustacheTemplate]
    private let builtIn: [String: Source]
    private let library = Mutex<MustacheLibrary?>(nil)

    /// A library of the templates in `parsed` and, parsed when first needed, those of
    /// `builtIn`.
    init(parsed: [String: MustacheTemplate], builtIn: [String: Source]) {
        self.parsed = parsed
        self.builtIn = builtIn
    }

    /// Renders `object` through the template `name`; nil when there is no such template.
    func render(_ object: Any, withTemplate name: String) -> String? {
        let library = self.library.withLock { library in
            if let library { return library }
            let made = makeLibrary()
            library = made
            return made
        }
        return library.render(object, withTemplate: name)
    }

    private func makeLibrary() -> MustacheLibrary {
        var library = MustacheLibrary()
        for (name, template) in parsed {
            library.register(template, named: name)
        }
        for (name, source) in builtIn {
            do {
                let template = try AgendaRenderer.parse(
                    source.text, file: source.file, plainText: AgendaRenderer.isPlainText(name))
                library.register(template, named: name)
            } catch {
                preconditionFailure("The built-in template \(name) does not parse: \(error)")
            }
        }
        return library
    }
}
