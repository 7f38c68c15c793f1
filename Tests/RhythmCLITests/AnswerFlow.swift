import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The setting of the tests that answer links taken from real messages: a small initiative
/// whose reminders `rhythm dispatch --once` wrote into the Maildir, then `rhythm serve`
/// answering those links at the configuration's `public_url`.
///
/// Ann Lee and Bob Roe are reminded of today's check-in, two hours from now. Ann also owns an
/// action three days overdue, nagged daily (so tomorrow's nag waits in the outbox), and the
/// school attendance indicator, whose value for the review in three days she is asked for.
final class AnswerFlow {
    /// One message in the Maildir.
    struct Message {
        /// The person it was sent to: `ann` or `bob`.
        let personID: String
        let raw: String
        /// The message with its quoted-printable parts decoded and CRLF as LF.
        let decoded: String
        /// The service's public address.
        let base: String

        /// The address after `label: ` in the text part.
        func link(_ label: String) -> String? {
            decoded.split(separator: "\n").first { $0.hasPrefix("\(label): \(base)/") }
                .map { String($0.dropFirst(label.count + 2)) }
        }

        /// The label of the first text-part link that starts with `prefix`.
        func label(startingWith prefix: String) -> String? {
            decoded.split(separator: "\n").first { $0.hasPrefix(prefix) && $0.contains(": \(base)/") }
                .map { String($0.prefix { $0 != ":" }) }
        }

        /// Every address of any web site in the message, in order of appearance: the text
        /// part, the HTML part (`&amp;` decoded) and the `List-Unsubscribe` header.
        var addresses: [String] {
            decoded.matches(of: /https?:\/\/[^\s"<>]+/).map {
                String($0.output).replacingOccurrences(of: "&amp;", with: "&")
            }
        }
    }

    let server: ServeEndToEndTests.Server
    /// `service.public_url`, which the links in messages start with.
    let publicURL: String
    let messages: [Message]
    /// The server's SQLite file.
    let database: String

    /// Writes the configuration, adds the overdue action, runs `rhythm dispatch --once`, reads
    /// the Maildir and starts `rhythm serve`; returns once the server answers and its
    /// dispatcher has made its first pass, so nothing else writes to the database on its own.
    ///
    /// `public_url` is `scheme`://127.0.0.1 at the server's port. With `https`, as behind the
    /// TLS proxy of a real deployment, reminders carry `List-Unsubscribe` (RFC 8058 takes only
    /// https), and the test stands in for the proxy: ``local(_:)`` is where a link goes.
    init(scheme: String = "http") async throws {
        let directory = try RhythmProcess.temporaryDirectory()
        let port = LoopbackPort.free()
        let publicURL = "\(scheme)://127.0.0.1:\(port)"
        self.publicURL = publicURL
        let config = directory.appendingPathComponent("rhythm.yaml").path
        database = directory.appendingPathComponent("rhythm.sqlite").path
        try Self.configuration(port: port, publicURL: publicURL, now: Date()).write(
            toFile: config, atomically: true, encoding: .utf8)
        let environment = ["RHYTHM_DATABASE": database]
        for arguments in [
            ["action", "add", "Send the minutes", "--owner", "ann", "--due", Self.londonDate(Date() - 3 * 86_400)],
            ["dispatch", "--once"],
        ] {
            let result = try RhythmProcess.run(arguments + ["--config", config], environment: environment)
            guard result.status == 0 else {
                throw Failure(description: "rhythm \(arguments.joined(separator: " ")): \(result.standardError)")
            }
        }
        let maildir = directory.appendingPathComponent("maildir/new")
        messages = try FileManager.default.contentsOfDirectory(atPath: maildir.path).sorted().map { name in
            let raw = try String(contentsOf: maildir.appendingPathComponent(name), encoding: .utf8)
            let to = DispatchEndToEndTests.header("To", in: raw) ?? ""
            return Message(
                personID: to.contains("ann@") ? "ann" : "bob", raw: raw,
                decoded: AnswerLinksEndToEndTests.decoded(raw), base: publicURL)
        }
        server = try ServeEndToEndTests.Server(directory: directory, config: config, port: port)
        try await server.waitUntilReady()
        try await server.eventually("the dispatcher made its first pass") {
            let metrics = String(decoding: try await server.get("/metrics").0, as: UTF8.self)
            return metrics.split(separator: "\n").contains {
                $0.hasPrefix("rhythm_dispatcher_passes_total ") && !$0.hasSuffix(" 0")
            }
        }
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// The address labelled `label` in the text part of the message to `personID` that has one.
    func link(_ label: String, for personID: String) throws -> String {
        let found = messages.lazy.filter { $0.personID == personID }.compactMap { $0.link(label) }.first
        return try #require(found, "no message to \(personID) offers \(label)")
    }

    /// The link `url` as a path on the server.
    func path(_ url: String) -> String {
        String(url.dropFirst(publicURL.count))
    }

    /// The link `url` as the server answers it on loopback, past the TLS proxy.
    func local(_ url: String) -> String {
        server.base + path(url)
    }

    /// Every row of every table of the database, as `Scripts/dump_database.py` prints them.
    func databaseRows() throws -> String {
        let dump = try RhythmProcess.runPython(script: "dump_database.py", arguments: [database])
        guard dump.status == 0 else { throw Failure(description: "dump_database.py: \(dump.standardError)") }
        return dump.standardOutput
    }

    /// Runs `rhythm` with the server's configuration and database.
    func rhythm(_ arguments: [String]) throws -> RhythmProcess.Result {
        try server.rhythm(arguments)
    }

    /// The date of `instant` in London, as `YYYY-MM-DD`.
    static func londonDate(_ instant: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/London")!
        let day = calendar.dateComponents([.year, .month, .day], from: instant)
        return String(format: "%04d-%02d-%02d", day.year!, day.month!, day.day!)
    }

    /// The initiative: the check-in's start and the review's date follow `now`.
    static func configuration(port: Int, publicURL: String, now: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/London")!
        let start = calendar.dateComponents([.hour, .minute], from: now + 7200)
        let checkIn = londonDate(now + 7200) + String(format: "T%02d:%02d", start.hour!, start.minute!)
        return """
            initiative:
              name: Flow Test
              time_zone: Europe/London
              domain: flow.example
            service:
              listen: 127.0.0.1:\(port)
              public_url: \(publicURL)
            people:
              - { id: ann, name: Ann Lee, email: ann@partners.example }
              - { id: bob, name: Bob Roe, email: bob@partners.example }
            series:
              - id: check-in
                title: Daily check-in
                kind: team
                start: \(checkIn)
                duration: 30m
                attendees: { people: [ann, bob] }
                rule: FREQ=DAILY
              - id: review
                title: Indicator review
                kind: indicator-review
                start: \(londonDate(now + 3 * 86_400))T10:00
                duration: 1h
                attendees: { people: [ann, bob] }
                rule: FREQ=DAILY;COUNT=1
            indicators:
              - id: school-attendance
                name: School attendance
                unit: "%"
                direction: higher-is-better
                target: 92
                owner: ann
                period: quarter
                review: review
                due_business_days_before: 1
            channels:
              - { id: email, type: email, from: Backbone <backbone@flow.example> }
            reminders:
              - { id: check-in-email, for: meetings, series: [check-in], before: 3 hours, channel: email, to: attendees }
              - id: nag
                for: actions
                overdue: { every: 1 days, at_most: 10 }
                channel: email
                to: owner
                on_non_business_days: send
              - id: data-due
                for: indicators
                before: 5 days
                channel: email
                to: owner
                on_non_business_days: send

            """
    }
}
