import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import Mustache
import RhythmCore

/// The console's page shell: every console page is its content wrapped in the layout (the
/// initiative's name, the navigation, who is signed in, a sign-out form), served with a
/// Content Security Policy that allows no script, no other origin, and only the console's
/// own inline style, by its hash.
public struct ConsoleLayout: Sendable {
    /// One entry of the navigation bar.
    public struct NavigationItem: Sendable {
        public let path: String
        public let label: String

        public init(path: String, label: String) {
            self.path = path
            self.label = label
        }
    }

    /// The navigation every signed-in page shows; the console's pages add theirs here.
    public static let navigation = [NavigationItem(path: "/console", label: "Home")]

    private let library: MustacheLibrary
    /// The `Content-Security-Policy` of every console page.
    public let contentSecurityPolicy: String

    public init() {
        var library = MustacheLibrary()
        for (name, text) in ConsoleTemplates.templates {
            // The built-in templates are part of the source and parse, which the tests check.
            if let template = try? MustacheTemplate(string: text) { library.register(template, named: name) }
        }
        self.library = library
        let hash = Data(SHA256.hash(data: Data(ConsoleTemplates.style.utf8))).base64EncodedString()
        contentSecurityPolicy =
            "default-src 'none'; style-src 'sha256-\(hash)'; img-src 'self' data:; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'"
    }

    /// The name of the form field that carries the CSRF token.
    public static let csrfFieldName = ConsoleCSRF.fieldName

    /// The hidden form field that carries the session's CSRF token: put it in every form
    /// that posts to the console, or the post is refused.
    public static func csrfField(_ identity: ConsoleIdentity) -> String {
        "<input type=\"hidden\" name=\"\(ConsoleCSRF.fieldName)\" value=\"\(escape(identity.csrfToken))\">"
    }

    /// A whole page: `content` (HTML, already escaped) inside the layout, titled `title`, for
    /// `identity` (nil on the sign-in pages, which show no navigation).
    public func page(
        title: String, content: String, initiative: String, identity: ConsoleIdentity?, currentPath: String = ""
    ) -> String {
        var view: [String: Any] = [
            "title": title, "initiative": initiative, "content": content, "style": ConsoleTemplates.style,
        ]
        if let identity {
            view["signedIn"] = true
            view["personName"] = identity.person.name
            view["csrfField"] = Self.csrfField(identity)
            view["navigation"] = Self.navigation.map { item -> [String: Any] in
                ["path": item.path, "label": item.label, "current": item.path == currentPath]
            }
        }
        return library.render(view, withTemplate: "layout") ?? ""
    }

    /// A page as an HTTP response, with the console's security headers.
    public func response(
        title: String, content: String, initiative: String, identity: ConsoleIdentity?, currentPath: String = "",
        status: HTTPResponse.Status = .ok
    ) -> Response {
        let html = page(
            title: title, content: content, initiative: initiative, identity: identity, currentPath: currentPath)
        return Self.html(html, status: status, policy: contentSecurityPolicy)
    }

    /// One of the console's own content templates, rendered with `view`.
    func content(_ template: String, _ view: [String: Any]) -> String {
        library.render(view, withTemplate: template) ?? ""
    }

    /// HTML with no caching, no referrer to other sites, no sniffing, no framing, and `policy`.
    ///
    /// `same-origin`, not `no-referrer`: under `no-referrer` a browser sends `Origin: null`
    /// with every form it posts, and the sign-in forms, which check the origin, would refuse
    /// every real browser. Other sites still get no referrer, so no sign-in link leaks.
    static func html(_ html: String, status: HTTPResponse.Status, policy: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = "no-store"
        headers[.contentSecurityPolicy] = policy
        headers[HTTPField.Name("Referrer-Policy")!] = "same-origin"
        headers[.xContentTypeOptions] = "nosniff"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
    }

    /// `text` safe inside HTML text and attribute values.
    public static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
