import Foundation
import RhythmCore

/// The `service:` and `feeds:` sections: how Rhythm runs and publishes, as opposed to what
/// the initiative does. Both are optional; every key has a default.
extension ConfigurationDecoder {
    func serviceSettings(_ value: ConfigValue?) -> ServiceSettings? {
        var settings = ServiceSettings()
        guard let value else { return settings }
        guard let fields = fields(of: value, allowed: ["listen", "public_url", "database", "answer_links"]) else {
            return nil
        }
        var valid = true
        if let listen = fields.optional("listen") {
            if let (host, port) = listenAddress(listen) {
                settings.listenHost = host
                settings.listenPort = port
            } else {
                valid = false
            }
        }
        if let publicURL = fields.optional("public_url") {
            if let url = webAddress(publicURL) {
                settings.publicURL = url
            } else {
                valid = false
            }
        }
        if let database = fields.optional("database") {
            if let path = databasePath(database) {
                settings.database = path
            } else {
                valid = false
            }
        }
        if let answerLinks = fields.optional("answer_links") {
            if let lifetimes = answerLinkLifetimes(answerLinks) {
                settings.answerLinks = lifetimes
            } else {
                valid = false
            }
        }
        return valid ? settings : nil
    }

    /// `service.answer_links`: `after_subject` and `personal_page`, each a lifetime such as
    /// `30d`; a key left out keeps its default.
    private func answerLinkLifetimes(_ value: ConfigValue) -> AnswerLinkLifetimes? {
        guard let fields = fields(of: value, allowed: ["after_subject", "personal_page"]) else { return nil }
        var lifetimes = AnswerLinkLifetimes()
        let afterSubject = fields.optional("after_subject").map(lifetime)
        let personalPage = fields.optional("personal_page").map(lifetime)
        guard afterSubject != .some(nil), personalPage != .some(nil) else { return nil }
        if let afterSubject = afterSubject ?? nil { lifetimes.afterSubject = afterSubject }
        if let personalPage = personalPage ?? nil { lifetimes.personalPage = personalPage }
        return lifetimes
    }

    /// `service.database`: a file path; a relative one starts at the configuration file's
    /// directory, so the file means the same whoever runs Rhythm from wherever.
    private func databasePath(_ value: ConfigValue) -> String? {
        guard let text = text(value) else { return nil }
        guard !text.hasSuffix("/") else {
            log.error(
                "service.database names the database file, like /var/lib/rhythm/rhythm.sqlite, not a directory",
                at: value.mark, path: value.path)
            return nil
        }
        let directory = URL(fileURLWithPath: log.file).deletingLastPathComponent()
        return URL(fileURLWithPath: text, relativeTo: directory).standardizedFileURL.path
    }

    func feedSettings(_ value: ConfigValue?) -> FeedSettings? {
        var settings = FeedSettings()
        guard let value else { return settings }
        guard let fields = fields(of: value, allowed: ["refresh_interval", "cancelled"]) else { return nil }
        let refresh = fields.optional("refresh_interval").map(duration)
        let cancelled = fields.optional("cancelled").map { choice($0, FeedSettings.CancelledOccurrences.self) }
        guard refresh != .some(nil), cancelled != .some(nil) else { return nil }
        if let refresh = refresh ?? nil { settings.refreshInterval = refresh }
        if let cancelled = cancelled ?? nil { settings.cancelledOccurrences = cancelled }
        return settings
    }

    /// `127.0.0.1:8080`, `[::1]:8080` or `0.0.0.0:80`.
    private func listenAddress(_ value: ConfigValue) -> (String, Int)? {
        guard let text = text(value) else { return nil }
        let host: Substring
        let portText: Substring
        if text.hasPrefix("["), let close = text.firstIndex(of: "]") {
            host = text[text.index(after: text.startIndex)..<close]
            portText = text[text.index(after: close)...].drop { $0 == ":" }
        } else if let colon = text.lastIndex(of: ":") {
            host = text[..<colon]
            portText = text[text.index(after: colon)...]
        } else {
            host = ""
            portText = ""
        }
        guard !host.isEmpty, let port = Int(portText), (1...65_535).contains(port) else {
            log.error(
                "expected an address and port such as 127.0.0.1:8080 or [::1]:8080, found \"\(text)\"",
                at: value.mark, path: value.path)
            return nil
        }
        return (String(host), port)
    }
}
