import Foundation
import ICalendar
import RhythmCore
import Testing

@testable import RhythmFeeds

/// What each feed holds, and what it must never hold.
@Suite struct FeedBuilderTests {
    typealias F = FeedFixtures

    static let builder = FeedBuilder(initiative: F.initiative, settings: FeedSettings())

    static func events(_ audience: FeedAudience, settings: FeedSettings = FeedSettings()) -> [Component] {
        FeedBuilder(initiative: F.initiative, settings: settings)
            .calendar(for: audience, revisions: [:], now: F.now).components(Component.Name.event)
    }

    static func values(_ events: [Component], _ name: String) -> [String] {
        events.flatMap { $0.properties(name) }.map(\.value)
    }

    @Test("the calendar carries the properties subscribing clients look for")
    func calendarProperties() throws {
        let calendar = Self.builder.calendar(for: .everyone, revisions: [:], now: F.now)
        for (name, value) in [
            ("VERSION", "2.0"), ("CALSCALE", "GREGORIAN"), ("METHOD", "PUBLISH"),
            ("X-WR-TIMEZONE", "Australia/Melbourne"), ("REFRESH-INTERVAL", "PT1H"), ("X-PUBLISHED-TTL", "PT1H"),
        ] {
            #expect(calendar.property(name)?.value == value, "\(name)")
        }
        #expect(calendar.property("X-WR-CALNAME")?.textValue == "Brightwater, Youth; Futures")
        #expect(calendar.property("NAME")?.textValue == "Brightwater, Youth; Futures")
        #expect(calendar.property("PRODID") != nil)
        let zones = calendar.components(Component.Name.timeZone).compactMap { $0.property("TZID")?.value }
        #expect(zones == ["Australia/Melbourne", "Europe/London"])
    }

    @Test("every series has a UID made of its id and the initiative's domain, shared by its overrides")
    func stableIdentifiers() {
        let events = Self.events(.everyone)
        #expect(Set(Self.values(events, "UID")) == ["table@example.org", "standup@example.org"])
        let table = events.filter { $0.property("UID")?.value == "table@example.org" }
        #expect(table.count == 3)  // the series, the moved meeting and the cancelled one
    }

    @Test("the series event has its zoned start and end, its rule with UNTIL in UTC, extra and excluded dates")
    func seriesEvent() throws {
        let table = try #require(Self.events(.everyone).first { $0.property("RRULE") != nil })
        #expect(table.property("DTSTART")?.parameter("TZID")?.value == "Australia/Melbourne")
        #expect(table.property("DTSTART")?.value == "20260210T100000")
        #expect(table.property("DTEND")?.value == "20260210T120000")
        // 23:59:59 on 31 December 2028 in Melbourne (UTC+11) is 12:59:59 UTC that day.
        #expect(table.property("RRULE")?.value == "FREQ=MONTHLY;UNTIL=20281231T125959Z;BYDAY=2TU")
        #expect(table.property("RDATE")?.value == "20270720T100000")
        #expect(table.property("EXDATE")?.value == "20270810T100000")
        #expect(table.property("CATEGORIES")?.value == "leadership")
        #expect(table.property("DESCRIPTION")?.textValue == "Decisions, actions; the common agenda, and more.")
    }

    @Test("a moved occurrence overrides its original start with the new time and place")
    func movedOverride() throws {
        let moved = try #require(
            Self.events(.person("ann")).first { $0.property("RECURRENCE-ID")?.value == "20270309T100000" })
        #expect(moved.property("DTSTART")?.value == "20270311T140000")
        #expect(moved.property("DTEND")?.value == "20270311T160000")
        #expect(moved.property("LOCATION")?.textValue == "Library")
        #expect(moved.property("STATUS")?.value == "CONFIRMED")
        #expect(
            moved.property("DESCRIPTION")?.textValue.hasPrefix("Moved from Tuesday 2027-03-09 10:00: Room closed")
                == true)
    }

    @Test("a cancelled occurrence shows as cancelled, or disappears when the feed hides cancellations")
    func cancelledOccurrence() throws {
        let shown = try #require(
            Self.events(.everyone).first { $0.property("RECURRENCE-ID")?.value == "20270608T100000" })
        #expect(shown.property("STATUS")?.value == "CANCELLED")
        #expect(shown.property("SUMMARY")?.textValue == "Cancelled: Leadership Table")
        let hidden = Self.events(.everyone, settings: FeedSettings(cancelledOccurrences: .hide))
        #expect(!hidden.contains { $0.property("RECURRENCE-ID")?.value == "20270608T100000" })
        let series = try #require(
            hidden.first { $0.property("RRULE") != nil && $0.property("UID")?.value == "table@example.org" })
        #expect(series.property("EXDATE")?.value == "20270608T100000,20270810T100000")
    }

    @Test("a holiday under next-business-day becomes an override on the first working day after it")
    func holidayMove() throws {
        // Monday 21 December 2026 to Friday 8 January: the stand-up moves to Monday 11 January,
        // which has its own meeting, so the first Monday moves and the rest are skipped.
        let standup = Self.events(.everyone).filter { $0.property("UID")?.value == "standup@example.org" }
        let master = try #require(standup.first { $0.property("RRULE") != nil })
        #expect(master.property("EXDATE")?.value == "20261221T091500,20261228T091500,20270104T091500")
        #expect(standup.count == 1)
    }

    @Test("the public feed names nobody and holds no e-mail address, online link or reason")
    func publicFeedPrivacy() {
        let text = Self.builder.calendar(for: .everyone, revisions: [:], now: F.now).serialized()
        #expect(!text.contains("@example.org:") && !text.contains("mailto:"))
        #expect(!text.contains("ORGANIZER") && !text.contains("ATTENDEE"))
        #expect(!text.contains("meet.example.org"))
        #expect(!text.contains("Room closed") && !text.contains("No quorum"))
        #expect(!text.contains("Ann"))
    }

    @Test("a private feed holds only what its subject attends, with organiser, attendees and links")
    func privateFeed() throws {
        let council = Self.events(.partner("council"))
        #expect(Set(Self.values(council, "UID")) == ["table@example.org"])
        let series = try #require(council.first { $0.property("RRULE") != nil })
        #expect(series.property("ORGANIZER")?.value == "mailto:ann@example.org")
        #expect(series.property("ORGANIZER")?.parameter("CN")?.value == "Ann 'Chair' Lee")
        #expect(series.properties("ATTENDEE").map(\.value) == ["mailto:bob@example.org"])
        #expect(series.properties("ATTENDEE").first?.parameter("RSVP")?.value == "FALSE")
        #expect(series.property("URL")?.value == "https://meet.example.org/table")
        #expect(Set(Self.values(Self.events(.person("bob")), "UID")) == ["table@example.org", "standup@example.org"])
        #expect(Self.events(.group("table")).count == 3)
    }

    @Test("SEQUENCE, CREATED and LAST-MODIFIED come from the recorded revisions")
    func revisions() throws {
        let created = Date(timeIntervalSince1970: 1_780_000_000)
        let modified = Date(timeIntervalSince1970: 1_790_000_000)
        let calendar = Self.builder.calendar(
            for: .everyone, revisions: ["table": FeedRevision(sequence: 3, created: created, lastModified: modified)],
            now: F.now)
        let table = calendar.components(Component.Name.event).filter {
            $0.property("UID")?.value == "table@example.org"
        }
        #expect(table.allSatisfy { $0.property("SEQUENCE")?.value == "3" })
        #expect(table.allSatisfy { $0.property("DTSTAMP")?.value == "20260921T141320Z" })
        #expect(table.allSatisfy { $0.property("LAST-MODIFIED")?.value == "20260921T141320Z" })
        #expect(table.allSatisfy { $0.property("CREATED")?.value == "20260528T202640Z" })
    }

    @Test("the same inputs give the same bytes, so an unchanged feed keeps its ETag")
    func deterministic() {
        let first = Self.builder.calendar(for: .everyone, revisions: [:], now: F.now).serialized()
        let later = F.now.addingTimeInterval(3 * 86_400)
        let again = FeedBuilder(initiative: F.initiative, settings: FeedSettings())
            .calendar(for: .everyone, revisions: [:], now: F.now).serialized()
        #expect(first == again)
        #expect(
            Self.builder.fingerprints()
                == FeedBuilder(initiative: F.initiative, settings: FeedSettings()).fingerprints())
        #expect(!Self.builder.calendar(for: .everyone, revisions: [:], now: later).serialized().isEmpty)
    }

    static func occurrence(of seriesID: String, originalDate: String) throws -> Occurrence {
        let schedule = Schedule(initiative: F.initiative)
        let series = try #require(F.initiative.series.first { $0.id == seriesID })
        let window = DateInterval(start: F.now, duration: 800 * 86_400)
        return try #require(
            schedule.occurrences(of: [series], in: window).first { $0.originalStart.date == F.date(originalDate) })
    }

    @Test("a note puts the agenda in its occurrence, as an override with the rule's own time")
    func agendaNote() throws {
        let next = try Self.occurrence(of: "table", originalDate: "2026-12-08")
        let note = OccurrenceNote(
            occurrence: next, text: "1. Welcome\n2. Actions", link: URL(string: "https://rhythm.example.org/agenda/x"))
        let events = Self.builder.calendar(for: .partner("council"), revisions: [:], now: F.now, notes: ["table": note])
            .components(Component.Name.event)
        let override = try #require(events.first { $0.property("RECURRENCE-ID")?.value == "20261208T100000" })
        #expect(override.property("DTSTART")?.value == "20261208T100000")
        #expect(override.property("STATUS")?.value == "CONFIRMED")
        let description = try #require(override.property("DESCRIPTION")?.textValue)
        #expect(description.hasPrefix("1. Welcome\n2. Actions\n\nFull agenda: https://rhythm.example.org/agenda/x"))
        #expect(events.filter { $0.property("UID")?.value == "table@example.org" }.count == 4)
    }

    @Test("a note for a moved occurrence joins its existing override instead of adding a second one")
    func agendaNoteOnMovedOccurrence() throws {
        let moved = try Self.occurrence(of: "table", originalDate: "2027-03-09")
        let note = OccurrenceNote(occurrence: moved, text: "Agenda text", link: nil)
        let events = Self.builder.calendar(for: .partner("council"), revisions: [:], now: F.now, notes: ["table": note])
            .components(Component.Name.event)
        let overrides = events.filter { $0.property("RECURRENCE-ID")?.value == "20270309T100000" }
        #expect(overrides.count == 1)
        #expect(
            overrides.first?.property("DESCRIPTION")?.textValue.contains("Moved from Tuesday 2027-03-09 10:00") == true)
        #expect(overrides.first?.property("DESCRIPTION")?.textValue.contains("Agenda text") == true)
    }
}
