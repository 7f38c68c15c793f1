import Foundation
import RhythmCore
import Testing

@testable import RhythmFeeds

/// The fingerprint moves when a series' meaning moves, and only then.
@Suite struct SeriesFingerprintTests {
    typealias F = FeedFixtures

    static func fingerprint(_ change: (inout MeetingSeries) -> Void = { _ in }) -> String? {
        var initiative = F.initiative
        change(&initiative.series[0])
        return FeedBuilder(initiative: initiative, settings: FeedSettings()).fingerprints()["table"]
    }

    /// Each change a coordinator can make to what a meeting means.
    static func apply(_ change: String, to series: inout MeetingSeries) {
        switch change {
        case "start": series.start = F.local("2026-02-10T11:00")
        case "duration": series.duration = .seconds(5400)
        case "zone": series.timeZone = F.london
        case "location": series.location = "Town Hall"
        case "online link": series.onlineMeetingURL = URL(string: "https://meet.example.org/other")
        case "rule": series.recurrence = try? RecurrenceRule(parsing: "FREQ=MONTHLY;BYDAY=3TU")
        case "extra date": series.extraDates.append(F.local("2027-09-21T10:00"))
        case "exception": series.exceptions.append(.skip(F.date("2027-02-09"), reason: nil))
        default: series.title = "Leadership Council"
        }
    }

    @Test(
        "a change of time, place, rule or exceptions changes the fingerprint",
        arguments: ["start", "duration", "zone", "location", "online link", "rule", "extra date", "exception", "title"]
    )
    func meaningfulChanges(change: String) {
        #expect(Self.fingerprint { Self.apply(change, to: &$0) } != Self.fingerprint())
    }

    @Test("a new description or attendee list keeps the fingerprint")
    func cosmeticChanges() {
        #expect(Self.fingerprint { $0.description = "Something else" } == Self.fingerprint())
        #expect(Self.fingerprint { $0.attendees.personIDs.append("bob") } == Self.fingerprint())
        #expect(Self.fingerprint { $0.organizerID = "bob" } == Self.fingerprint())
    }
}
