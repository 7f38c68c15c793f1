import Foundation

/// How the Rhythm service is reached: where it listens and the address partners use, and
/// where it keeps its data when the configuration says.
public struct ServiceSettings: Hashable, Sendable {
    /// The address the HTTP server binds to; loopback unless a proxy elsewhere needs more.
    public var listenHost: String
    public var listenPort: Int
    /// The address partners use to reach the service, through its TLS proxy; feed URLs
    /// start with it. Nil means the listening address itself.
    public var publicURL: URL?
    /// The SQLite database (`service.database`), absolute; nil leaves it to the environment
    /// (`$STATE_DIRECTORY`) or the default. `--database` and `$RHYTHM_DATABASE` come first.
    public var database: String?
    /// How long the answer links in messages keep working.
    public var answerLinks: AnswerLinkLifetimes

    public init(
        listenHost: String = "127.0.0.1", listenPort: Int = 8080, publicURL: URL? = nil, database: String? = nil,
        answerLinks: AnswerLinkLifetimes = AnswerLinkLifetimes()
    ) {
        self.listenHost = listenHost
        self.listenPort = listenPort
        self.publicURL = publicURL
        self.database = database
        self.answerLinks = answerLinks
    }

    /// The base every published link starts with, without a trailing slash.
    public var baseURL: String {
        if let publicURL {
            let text = publicURL.absoluteString
            return text.hasSuffix("/") ? String(text.dropLast()) : text
        }
        let host = listenHost.contains(":") ? "[\(listenHost)]" : listenHost
        return "http://\(host):\(listenPort)"
    }
}

/// How long answer links live (`service.answer_links`).
public struct AnswerLinkLifetimes: Hashable, Sendable {
    /// How long a link keeps working after what it is about: the meeting's end, the closing
    /// of the action, the review the value was for. 30 days unless configured.
    public var afterSubject: TimeInterval
    /// How long a link to a person's own page, or to stop a kind of reminder, keeps working
    /// after it is issued. 90 days unless configured.
    public var personalPage: TimeInterval

    public init(afterSubject: TimeInterval = 30 * 86_400, personalPage: TimeInterval = 90 * 86_400) {
        self.afterSubject = afterSubject
        self.personalPage = personalPage
    }
}
