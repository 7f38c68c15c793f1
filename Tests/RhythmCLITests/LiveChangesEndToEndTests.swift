import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Live changes through the JSON API of a running `rhythm serve`: each takes effect at once
/// in the public feed, the invitations written to the Maildir and the pending reminders,
/// and a restore brings the meeting back.
///
/// The configuration is written for the moment the test runs (a daily meeting from tomorrow,
/// a reminder three hours before each), so that reminders are pending whatever the date.
@Suite("live changes end to end", .serialized, .timeLimit(.minutes(5)))
struct LiveChangesEndToEndTests {
    typealias Server = ServeEndToEndTests.Server

    static let zone = TimeZone(identifier: "Europe/London")!

    /// The first meeting's local start, 28 hours from now, to the minute.
    static func firstStart() -> DateComponents {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar.dateComponents([.year, .month, .day, .hour, .minute], from: Date() + 28 * 3600)
    }

    static func text(_ parts: DateComponents) -> String {
        String(format: "%04d-%02d-%02dT%02d:%02d", parts.year!, parts.month!, parts.day!, parts.hour!, parts.minute!)
    }

    /// The local start `days` later at the same wall-clock time, shifted by `minutes`.
    static func shifted(_ parts: DateComponents, days: Int, minutes: Int = 0) -> DateComponents {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let date = calendar.date(from: parts)!
        let moved = calendar.date(
            byAdding: .minute, value: minutes, to: calendar.date(byAdding: .day, value: days, to: date)!)!
        return calendar.dateComponents([.year, .month, .day, .hour, .minute], from: moved)
    }

    static func configuration(port: Int, start: String) -> String {
        """
        initiative:
          name: Live Test
          time_zone: Europe/London
          domain: live.example
        service:
          listen: 127.0.0.1:\(port)
        people:
          - id: person-001
            name: Person One
            email: person-001@partners.example
            invitations: true
          - id: person-002
            name: Person Two
            email: person-002@partners.example
        series:
          - id: check-in
            title: Daily check-in
            kind: team
            start: \(start)
            duration: 30m
            organizer: person-002
            attendees: { people: [person-001, person-002] }
            rule: FREQ=DAILY
            on_holiday: ignore
        channels:
          - id: email
            type: email
            from: Rhythm <rhythm@live.example>
        reminders:
          - id: check-in-email
            for: meetings
            before: 3 hours
            channel: email
            to: attendees

        """
    }

    /// The Maildir's messages so far.
    static func messages(in directory: URL) -> [String] {
        let maildir = directory.appendingPathComponent("maildir/new")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: maildir.path)) ?? []
        return names.sorted().compactMap {
            try? String(contentsOf: maildir.appendingPathComponent($0), encoding: .utf8)
        }
    }

    /// Runs `rhythm` against the server's database and configuration, off the shared threads.
    static func rhythm(_ arguments: [String], server: Server) async throws -> RhythmProcess.Result {
        try await RhythmProcess.runOffPool(arguments + ["--config", server.config], environment: server.environment)
    }

    /// The reminders in the outbox for the meeting of `date`, as `rhythm outbox list` reports them.
    static func reminders(of date: String, server: Server) async throws -> [[String: Any]] {
        let listed = try await rhythm(["outbox", "list", "--format", "json"], server: server)
        let entries = try JSONSerialization.jsonObject(with: Data(listed.standardOutput.utf8)) as? [[String: Any]] ?? []
        return entries.filter {
            $0["kind"] as? String == "reminder" && ($0["key"] as? String)?.contains("@\(date)T") == true
        }
    }

    /// The value of the header `name` in a message, unfolded.
    static func header(_ name: String, in message: String) -> String? {
        let head = message.components(separatedBy: "\r\n\r\n").first ?? message
        return head.replacingOccurrences(of: "\r\n ", with: " ").components(separatedBy: "\r\n")
            .first { $0.hasPrefix("\(name): ") }.map { String($0.dropFirst(name.count + 2)) }
    }

    static func etag(_ server: Server) async throws -> String {
        try await server.get("/feeds/public.ics").1.value(forHTTPHeaderField: "ETag") ?? ""
    }

    /// The public feed as served now (written to `directory`, for the expander to read), and
    /// python-recurring-ical-events' expansion of it over the next five days.
    static func expandedPublicFeed(
        server: Server, directory: URL
    ) async throws -> (text: String, occurrences: [[String: Any]]) {
        let feed = directory.appendingPathComponent("public.ics").path
        try await server.get("/feeds/public.ics").0.write(to: URL(fileURLWithPath: feed))
        let text = try String(contentsOfFile: feed, encoding: .utf8)
        let expanded = try RhythmProcess.runPython(
            script: "expand_feed.py",
            arguments: [
                feed, ISO8601DateFormatter().string(from: Date()),
                ISO8601DateFormatter().string(from: Date() + 5 * 86_400),
            ])
        #expect(expanded.status == 0, "\(expanded.standardError)")
        let occurrences =
            try JSONSerialization.jsonObject(with: Data(expanded.standardOutput.utf8)) as? [[String: Any]] ?? []
        return (text, occurrences)
    }

    @Test("a cancel and a move through the API reach the feed, the invitations and the reminders; restore undoes it")
    func cancelMoveRestore() async throws {
        let directory = try RhythmProcess.temporaryDirectory()
        let port = LoopbackPort.free()
        let first = Self.firstStart()
        let cancelledDate = String(Self.text(first).prefix(10))
        let movedFrom = Self.shifted(first, days: 1)
        let movedTo = Self.text(Self.shifted(first, days: 1, minutes: 45))
        let config = directory.appendingPathComponent("rhythm.yaml").path
        try Self.configuration(port: port, start: Self.text(first)).write(
            toFile: config, atomically: true, encoding: .utf8)
        let server = try Server(directory: directory, config: config, port: port)
        defer { if server.process.isRunning { server.process.terminate() } }
        try await server.waitUntilReady()
        let token = try await Self.rhythm(["api-token", "create", "console-test", "--scope", "write"], server: server)
            .standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
        let auth = ["Authorization": "Bearer \(token)", "Content-Type": "application/json"]

        try await server.eventually("the first invitation is in the Maildir and the reminders are pending") {
            let pending = try await Self.reminders(of: cancelledDate, server: server).filter {
                $0["status"] as? String == "pending"
            }
            return Self.messages(in: directory).contains { $0.contains("method=REQUEST") } && pending.count == 2
        }
        let before = try await Self.etag(server)

        let cancel =
            #"{"kind": "cancel", "series_id": "check-in", "occurrence_date": "\#(cancelledDate)", "#
            + #""reason": "The room is flooded.", "notify": true}"#
        let (cancelBody, cancelResponse) = try await server.send(
            "POST", "/api/v1/occurrence-changes", headers: auth, body: Data(cancel.utf8))
        #expect(cancelResponse.statusCode == 201, "\(String(decoding: cancelBody, as: UTF8.self))")
        let cancelID = try #require(
            (try JSONSerialization.jsonObject(with: cancelBody) as? [String: Any])?["id"] as? Int)
        let move =
            #"{"kind": "move", "series_id": "check-in", "occurrence_date": "\#(Self.text(movedFrom).prefix(10))", "#
            + #""start": "\#(movedTo)"}"#
        let (moveBody, moveResponse) = try await server.send(
            "POST", "/api/v1/occurrence-changes", headers: auth, body: Data(move.utf8))
        #expect(moveResponse.statusCode == 201, "\(String(decoding: moveBody, as: UTF8.self))")

        // At once: the feed changed, with a cancelled and a moved occurrence.
        #expect(try await Self.etag(server) != before)
        let (feedText, occurrences) = try await Self.expandedPublicFeed(server: server, directory: directory)
        #expect(
            feedText.contains(
                "RECURRENCE-ID;TZID=Europe/London:\(Self.text(movedFrom).filter { $0 != "-" && $0 != ":" })00"))
        let cancelledOne = occurrences.first { ($0["start"] as? String)?.hasPrefix(Self.text(first)) == true }
        #expect(cancelledOne?["status"] as? String == "CANCELLED", "\(occurrences)")
        #expect(occurrences.contains { ($0["start"] as? String)?.hasPrefix(movedTo) == true }, "\(occurrences)")
        #expect(!occurrences.contains { ($0["start"] as? String)?.hasPrefix(Self.text(movedFrom)) == true })

        // The dispatcher re-planned: the invitee gets the CANCEL and the updated REQUEST, each
        // attendee the notice the cancel asked for, and the cancelled meeting's reminders are
        // withdrawn.
        let notice = "Subject: Daily check-in on \(cancelledDate) is cancelled: The room is flooded."
        try await server.eventually(
            "the CANCEL, the update and the notices are in the Maildir, the reminders withdrawn"
        ) {
            let messages = Self.messages(in: directory)
            let notices = messages.filter { $0.contains(notice) }
            guard Set(notices.compactMap { Self.header("To", in: $0) }).count == 2 else { return false }
            let withdrawn = try await Self.reminders(of: cancelledDate, server: server).filter {
                $0["status"] as? String == "withdrawn"
            }
            return messages.contains { $0.contains("method=CANCEL") && $0.contains("Subject: Cancelled:") }
                && messages.contains { $0.contains("method=REQUEST") && $0.contains("Subject: Updated invitation:") }
                && withdrawn.count == 2
        }
        let listed = try await Self.rhythm(["changes", "list"], server: server)
        #expect(listed.standardOutput.contains("cancelled live by api:console-test"), "\(listed.standardOutput)")
        let upcoming = try await Self.rhythm(["upcoming", "--days", "3"], server: server)
        #expect(
            upcoming.standardOutput.contains("live: cancelled live by api:console-test"), "\(upcoming.standardOutput)")
        #expect(upcoming.standardOutput.contains("The room is flooded."))

        // Restore: the meeting is back in the feed and its reminders pending again.
        let changed = try await Self.etag(server)
        let (_, restored) = try await server.send("DELETE", "/api/v1/occurrence-changes/\(cancelID)", headers: auth)
        #expect(restored.statusCode == 200)
        #expect(try await Self.etag(server) != changed)
        let restoredFeed = String(decoding: try await server.get("/feeds/public.ics").0, as: UTF8.self)
        #expect(!restoredFeed.contains("STATUS:CANCELLED"))
        try await server.eventually("the restored meeting's reminders are pending again") {
            try await Self.reminders(of: cancelledDate, server: server).filter { $0["status"] as? String == "pending" }
                .count == 2
        }
        #expect(server.stop() == 0, "\(server.logText)")
    }
}
