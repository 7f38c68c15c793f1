import Foundation
import RhythmConfig
import RhythmCore
import Testing

@testable import RhythmCLI

/// `rhythm upcoming` writes its text and JSON straight into bytes; these pin the bytes to what
/// the string-built text and `JSONEncoder` wrote before.
///
/// The texts below are the output of `rhythm upcoming --config config/rhythm.yaml` with the
/// arguments each test names, as the earlier implementation printed them (less the final
/// newline); regenerate them the same way when the example configuration changes.
@Suite struct UpcomingOutputTests {
    static func configuration() throws -> LoadedConfiguration {
        try ConfigurationLoader().load(path: RhythmProcess.exampleConfiguration)
    }

    static func query(
        _ initiative: Initiative, from: String, until: String, person: String? = nil
    ) throws -> UpcomingQuery {
        try UpcomingQuery(
            initiative: initiative, from: LocalDate(iso: from), until: LocalDate(iso: until), days: nil, seriesIDs: [],
            partnerID: nil, groupID: nil, personID: person, now: Date())
    }

    static func text(from: String, until: String, person: String? = nil, showSkipped: Bool = false) throws -> String {
        let initiative = try configuration().initiative
        let query = try query(initiative, from: from, until: until, person: person)
        let found = Schedule(initiative: initiative).occurrences(
            of: query.series, in: query.window, includingSkipped: showSkipped)
        return UpcomingText(
            initiative: initiative, query: query, occurrences: found, layering: LiveLayering(unchanged: initiative)
        ).bytes.string
    }

    @Test("the text for a person shows their clock, a move and a change of offset as before")
    func textForAPerson() throws {
        // --from 2027-03-01 --until 2027-04-30 --person fiona-mcallister
        let expected = """
            Brightwater Youth Futures: 2 meetings from Mon 2027-03-01 00:00 to Sat 2027-05-01 00:00 (Australia/Melbourne)
            Meetings Fiona McAllister attends; times also shown in Europe/London.

            Thu 2027-03-11 10:00–12:00 +11:00  Leadership Table (leadership-table) [moved from Tue 2027-03-09 10:00: The Civic Centre is closed for the state budget briefing.]
                zone: Australia/Melbourne
                for Fiona McAllister: Wed 2027-03-10 23:00–2027-03-11 01:00 +00:00
                at: Northgate Secondary College, Library, 40 Gate Road, Northgate
                online: https://meet.brightwater-futures.org.au/leadership

            Tue 2027-04-13 10:00–12:00 +10:00  Leadership Table (leadership-table)
                zone: Australia/Melbourne
                for Fiona McAllister: Tue 2027-04-13 01:00–03:00 +01:00
                at: Brightwater Civic Centre, Meeting Room 2, 1 Harbour Street, Brightwater
                online: https://meet.brightwater-futures.org.au/leadership
            """
        #expect(try Self.text(from: "2027-03-01", until: "2027-04-30", person: "fiona-mcallister") == expected)
    }

    @Test("the text with skipped meetings shows cancellations, skips and holiday moves as before")
    func textWithSkippedMeetings() throws {
        // --from 2026-12-07 --until 2027-01-31 --show-skipped
        let expected = """
            Brightwater Youth Futures: 18 meetings from Mon 2026-12-07 00:00 to Mon 2027-02-01 00:00 (Australia/Melbourne)

            Mon 2026-12-07 09:15–09:45 +11:00  Backbone stand-up (backbone-standup)
                zone: Australia/Melbourne
                online: https://meet.brightwater-futures.org.au/standup

            Tue 2026-12-08 10:00–12:00 +11:00  Leadership Table (leadership-table)
                zone: Australia/Melbourne
                at: Brightwater Civic Centre, Meeting Room 2, 1 Harbour Street, Brightwater
                online: https://meet.brightwater-futures.org.au/leadership

            Wed 2026-12-09 14:00–15:00 +11:00  School Attendance Working Group check-in (attendance-wg) [cancelled: Most members are at the regional education summit; updates by e-mail instead.]
                zone: Australia/Melbourne
                online: https://meet.brightwater-futures.org.au/attendance

            Mon 2026-12-14 09:15–09:45 +11:00  Backbone stand-up (backbone-standup)
                zone: Australia/Melbourne
                online: https://meet.brightwater-futures.org.au/standup

            Thu 2026-12-17 10:00–11:00 +11:00  Pathways to Work Working Group check-in (transitions-wg)
                zone: Australia/Melbourne
                at: Riverside Youth Services, 12 Quay Lane, Brightwater

            Mon 2026-12-21 09:15–09:45 +11:00  Backbone stand-up (backbone-standup) [skipped: Christmas shutdown]
                zone: Australia/Melbourne
                online: https://meet.brightwater-futures.org.au/standup

            Wed 2026-12-23 14:00–15:00 +11:00  School Attendance Working Group check-in (attendance-wg) [skipped: Christmas shutdown]
                zone: Australia/Melbourne
                online: https://meet.brightwater-futures.org.au/attendance

            Mon 2026-12-28 09:15–09:45 +11:00  Backbone stand-up (backbone-standup) [skipped: Christmas shutdown]
                zone: Australia/Melbourne
                online: https://meet.brightwater-futures.org.au/standup

            Mon 2027-01-04 09:15–09:45 +11:00  Backbone stand-up (backbone-standup) [skipped: Christmas shutdown]
                zone: Australia/Melbourne
                online: https://meet.brightwater-futures.org.au/standup

            Wed 2027-01-06 14:00–15:00 +11:00  School Attendance Working Group check-in (attendance-wg) [skipped: Christmas shutdown]
                zone: Australia/Melbourne
                online: https://meet.brightwater-futures.org.au/attendance

            Mon 2027-01-11 09:15–09:45 +11:00  Backbone stand-up (backbone-standup)
                zone: Australia/Melbourne
                online: https://meet.brightwater-futures.org.au/standup

            Mon 2027-01-11 10:00–11:00 +11:00  Pathways to Work Working Group check-in (transitions-wg) [moved from Thu 2026-12-31 10:00: Christmas shutdown: moved to the next business day]
                zone: Australia/Melbourne
                at: Riverside Youth Services, 12 Quay Lane, Brightwater

            Tue 2027-01-12 10:00–12:00 +11:00  Leadership Table (leadership-table)
                zone: Australia/Melbourne
                at: Brightwater Civic Centre, Meeting Room 2, 1 Harbour Street, Brightwater
                online: https://meet.brightwater-futures.org.au/leadership

            Thu 2027-01-14 10:00–11:00 +11:00  Pathways to Work Working Group check-in (transitions-wg)
                zone: Australia/Melbourne
                at: Riverside Youth Services, 12 Quay Lane, Brightwater

            Mon 2027-01-18 09:15–09:45 +11:00  Backbone stand-up (backbone-standup)
                zone: Australia/Melbourne
                online: https://meet.brightwater-futures.org.au/standup

            Wed 2027-01-20 14:00–15:00 +11:00  School Attendance Working Group check-in (attendance-wg)
                zone: Australia/Melbourne
                online: https://meet.brightwater-futures.org.au/attendance

            Mon 2027-01-25 09:15–09:45 +11:00  Backbone stand-up (backbone-standup)
                zone: Australia/Melbourne
                online: https://meet.brightwater-futures.org.au/standup

            Thu 2027-01-28 10:00–11:00 +11:00  Pathways to Work Working Group check-in (transitions-wg)
                zone: Australia/Melbourne
                at: Riverside Youth Services, 12 Quay Lane, Brightwater
            """
        #expect(try Self.text(from: "2026-12-07", until: "2027-01-31", showSkipped: true) == expected)
    }

    @Test("text and JSON passed on to a pipe in small chunks arrive as the same bytes as in one piece")
    func chunkedOutputIsTheSame() throws {
        let initiative = try Self.configuration().initiative
        let query = try Self.query(initiative, from: "2026-12-07", until: "2027-01-31")
        let found = Schedule(initiative: initiative).occurrences(
            of: query.series, in: query.window, includingSkipped: true)
        let layering = LiveLayering(unchanged: initiative)
        let text = UpcomingText(initiative: initiative, query: query, occurrences: found, layering: layering)
        let json = UpcomingJSON(query: query, occurrences: found, layering: layering)
        #expect(try Self.piped { text.written(into: $0) } == text.bytes.string)
        #expect(try Self.piped { json.written(into: $0) } == json.bytes.string)
    }

    /// What `write` puts into a buffer that passes every 64 bytes on to a pipe, read from the pipe.
    static func piped(_ write: (OutputBuffer) -> OutputBuffer) throws -> String {
        let pipe = Pipe()
        var output = write(OutputBuffer(writingTo: pipe.fileHandleForWriting.fileDescriptor, chunkSize: 64))
        output.flush()
        try pipe.fileHandleForWriting.close()
        return String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    }

    @Test("the JSON, live changes and escapes included, is byte for byte what JSONEncoder wrote")
    func jsonMatchesTheEncoder() throws {
        let file = try Self.configuration().initiative
        let madeAt = Date(timeIntervalSince1970: 1_796_000_000)
        let changes = [
            LiveChange(
                id: 1, seriesID: "leadership-table",
                kind: .cancel(originalDate: LocalDate(iso: "2026-12-08")!, reason: nil),
                actor: "console:alice", createdAt: madeAt),
            LiveChange(
                id: 2, seriesID: "leadership-table",
                kind: .move(
                    originalDate: LocalDate(iso: "2027-01-12")!,
                    OccurrenceChange(
                        start: LocalDateTime(iso: "2027-01-14T10:00"), location: "Room \"B\"\\2\t/\u{1}",
                        reason: "Line one\nline two")),
                actor: "api:\u{7F}bot", createdAt: madeAt),
            LiveChange(
                id: 3, seriesID: "leadership-table",
                kind: .extra(start: LocalDateTime(iso: "2027-01-20T10:00")!, location: nil, reason: "Extra 🎉"),
                actor: "console:bob", createdAt: madeAt),
        ]
        let layering = LiveLayering(file: file, changes: changes)
        try #require(layering.applied.count == 3)
        let initiative = layering.initiative
        let query = try Self.query(initiative, from: "2026-11-01", until: "2027-05-31")
        let found = Schedule(initiative: initiative).occurrences(
            of: query.series, in: query.window, includingSkipped: true)
        let written = UpcomingJSON(query: query, occurrences: found, layering: layering).bytes.string
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        let encoded = try encoder.encode(EncodedUpcoming(query: query, occurrences: found, layering: layering))
        #expect(written == String(decoding: encoded, as: UTF8.self))
    }
}

/// `rhythm upcoming --format json` as it was built for `JSONEncoder`, to compare with.
private struct EncodedUpcoming: Encodable {
    struct Entry: Encodable {
        let series: String
        let title: String
        let kind: String
        let status: String
        let start: String
        let end: String
        let timeZone: String
        let originalStart: String
        let location: String?
        let onlineMeetingURL: String?
        let reason: String?
        let liveChange: LiveChangeEntry?
    }

    struct LiveChangeEntry: Encodable {
        let id: Int64
        let kind: String
        let by: String
        let at: String
        let reason: String?
    }

    let from: String
    let until: String
    let occurrences: [Entry]

    init(query: UpcomingQuery, occurrences: [Occurrence], layering: LiveLayering) {
        from = "\(TimeZone.gmt.wallClock(at: query.window.start))Z"
        until = "\(TimeZone.gmt.wallClock(at: query.window.end))Z"
        self.occurrences = occurrences.map { occurrence in
            let zone = occurrence.timeZone
            return Entry(
                series: occurrence.series.id,
                title: occurrence.series.title,
                kind: occurrence.series.kind.name,
                status: occurrence.status.label,
                start: zone.iso8601(occurrence.start),
                end: zone.iso8601(occurrence.end),
                timeZone: zone.identifier,
                originalStart: zone.iso8601(zone.instant(for: occurrence.originalStart)),
                location: occurrence.location,
                onlineMeetingURL: occurrence.onlineMeetingURL?.absoluteString,
                reason: occurrence.status.reason,
                liveChange: layering.liveChange(for: occurrence).map { change in
                    LiveChangeEntry(
                        id: change.id, kind: change.kind.name, by: change.actor,
                        at: "\(TimeZone.gmt.wallClock(at: change.createdAt))Z", reason: change.kind.reason)
                }
            )
        }
    }
}
