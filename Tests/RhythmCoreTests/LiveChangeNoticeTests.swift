import Foundation
import Testing

@testable import RhythmCore

/// The e-mails that tell attendees what a live change did, when it asks for them.
@Suite struct LiveChangeNoticeTests {
    typealias F = ScheduleFixtures

    static let initiative: Initiative = {
        var series = F.series(start: "2026-12-01T10:00", rule: "FREQ=WEEKLY;BYDAY=TU")
        series.attendees = Attendees(personIDs: ["ann", "ben"])
        let zone = F.zone("Australia/Melbourne")
        return Initiative(
            name: "Test", timeZone: zone, domain: "example.org",
            people: [
                Person(id: "ann", name: "Ann", email: "ann@example.org", timeZone: zone),
                Person(id: "ben", name: "Ben", email: "ben@example.org", timeZone: zone),
            ],
            series: [series],
            channels: [Channel(id: "mail", kind: .email(EmailSettings(from: "Rhythm <r@example.org>")))])
    }()

    static func cancel(notify: Bool) -> LiveChange {
        LiveChange(
            id: 4, seriesID: "weekly", kind: .cancel(originalDate: F.date("2026-12-08"), reason: "Chair ill"),
            actor: "console:alice", createdAt: Date(timeIntervalSince1970: 0), notifiesAttendees: notify)
    }

    @Test("each attendee gets one notice through the first e-mail channel, keyed by change and person")
    func oneNoticeEach() {
        let notices = LiveChangeNotice.notices(for: Self.cancel(notify: true), in: Self.initiative)
        #expect(notices.map(\.key) == ["notice:live-change-4|person:ann|mail", "notice:live-change-4|person:ben|mail"])
        #expect(notices.allSatisfy { $0.subject == "Series weekly on 2026-12-08 is cancelled: Chair ill" })
        #expect(LiveChangeNotice.notices(for: Self.cancel(notify: false), in: Self.initiative).isEmpty)
    }
}
