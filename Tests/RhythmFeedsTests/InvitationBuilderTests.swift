import Foundation
import ICalendar
import RhythmCore
import Testing

@testable import RhythmFeeds

/// What e-mailed invitations (iMIP) hold: the feed's events, addressed as iTIP messages.
@Suite struct InvitationBuilderTests {
    typealias F = FeedFixtures
    typealias I = InvitationFixtures

    static func request(
        _ seriesID: String, to attendeeID: String, from organizer: CalendarUser = I.sender,
        builder: InvitationBuilder = I.builder
    ) -> Component? {
        builder.request(
            seriesID: seriesID, attendeeID: attendeeID, organizer: organizer, revision: I.revision, stamp: I.stamp)
    }

    static func cancel(_ seriesID: String, _ originalStart: String, to attendeeID: String) -> Component? {
        I.builder.cancelOccurrence(
            seriesID: seriesID, originalStart: F.local(originalStart), attendeeID: attendeeID, organizer: I.sender,
            revision: I.revision, stamp: I.stamp)
    }

    static func event(_ calendar: Component?, recurrenceID: String) -> Component? {
        calendar?.components(Component.Name.event).first { $0.property("RECURRENCE-ID")?.value == recurrenceID }
    }

    /// The UTC text of a wall-clock reading in `zone`, as Foundation works it out.
    static func utc(_ local: String, in zone: TimeZone) -> String {
        DateTime.utc(zone.instant(for: F.local(local))).rfc5545Text
    }

    @Test("a request is a METHOD:REQUEST calendar with the feed's header and no feed-only properties")
    func requestHeader() throws {
        let calendar = try #require(Self.request("table", to: "bob"))
        for (name, value) in [("VERSION", "2.0"), ("CALSCALE", "GREGORIAN"), ("METHOD", "REQUEST")] {
            #expect(calendar.property(name)?.value == value, "\(name)")
        }
        #expect(calendar.property("PRODID")?.textValue == FeedBuilder.productID)
        for name in ["X-WR-CALNAME", "NAME", "REFRESH-INTERVAL", "X-PUBLISHED-TTL"] {
            #expect(calendar.property(name) == nil, "\(name)")
        }
    }

    @Test("every event of a request has the feed's UID and SEQUENCE and is stamped when the message is made")
    func requestIdentity() throws {
        let events = try #require(Self.request("table", to: "bob")).components(Component.Name.event)
        #expect(events.count == 3)  // the series, the moved meeting and the cancelled one
        for event in events {
            #expect(event.property("UID")?.value == "table@example.org")
            #expect(event.property("SEQUENCE")?.value == "4")
            #expect(event.property("DTSTAMP")?.value == I.stampText)
            #expect(event.property("LAST-MODIFIED")?.value == "20260921T141320Z")
            #expect(event.property("CREATED")?.value == "20260528T202640Z")
        }
    }

    @Test("the sender is ORGANIZER and only the recipient's ATTENDEE asks for a reply")
    func requestPeople() throws {
        let calendar = try #require(Self.request("table", to: "bob"))
        #expect(
            calendar.serialized().contains("\r\nORGANIZER;CN=\"Rhythm, Brightwater\":mailto:rhythm@example.org\r\n"))
        for event in calendar.components(Component.Name.event) {
            let organizer = try #require(event.property("ORGANIZER"))
            #expect(organizer.value == "mailto:rhythm@example.org")
            #expect(organizer.parameter("CN")?.value == "Rhythm, Brightwater")
            #expect(event.properties("ATTENDEE").map(\.value) == ["mailto:ann@example.org", "mailto:bob@example.org"])
            let bob = try #require(I.attendee(event, "bob@example.org"))
            #expect(
                bob.parameters.map { "\($0.name)=\($0.value)" } == [
                    "CN=Bob", "CUTYPE=INDIVIDUAL", "ROLE=REQ-PARTICIPANT", "PARTSTAT=NEEDS-ACTION", "RSVP=TRUE",
                ])
            #expect(I.attendee(event, "ann@example.org")?.parameter("RSVP")?.value == "FALSE")
        }
        let toAnn = try #require(Self.request("table", to: "ann")).components(Component.Name.event)[0]
        #expect(I.attendee(toAnn, "ann@example.org")?.parameter("RSVP")?.value == "TRUE")
        #expect(I.attendee(toAnn, "bob@example.org")?.parameter("RSVP")?.value == "FALSE")
    }

    @Test("an organiser who does not attend still gets an ATTENDEE line, and the sender is not listed twice")
    func organiserAsRecipientAndSender() throws {
        let forum = try #require(Self.request("forum", to: "ann")).components(Component.Name.event)[0]
        #expect(forum.properties("ATTENDEE").map(\.value) == ["mailto:ann@example.org", "mailto:bob@example.org"])
        #expect(I.attendee(forum, "ann@example.org")?.parameter("RSVP")?.value == "TRUE")
        let ann = CalendarUser(name: "Ann Lee", email: "ANN@example.org")
        let fromAnn = try #require(Self.request("table", to: "bob", from: ann)).components(Component.Name.event)[0]
        #expect(fromAnn.property("ORGANIZER")?.value == "mailto:ANN@example.org")
        #expect(fromAnn.properties("ATTENDEE").map(\.value) == ["mailto:bob@example.org"])
    }

    @Test("a request holds the whole series: rule, extra and excluded dates, moved and cancelled overrides")
    func requestHoldsWholeSeries() throws {
        let calendar = try #require(Self.request("table", to: "bob"))
        let master = try #require(calendar.components(Component.Name.event).first)
        #expect(master.property("RECURRENCE-ID") == nil)
        #expect(master.property("RRULE")?.value == "FREQ=MONTHLY;UNTIL=20281231T125959Z;BYDAY=2TU")
        #expect(master.property("DTSTART")?.parameter("TZID")?.value == "Australia/Melbourne")
        #expect(master.property("RDATE")?.value == "20270720T100000")
        #expect(master.property("EXDATE")?.value == "20270810T100000")
        let moved = try #require(Self.event(calendar, recurrenceID: "20270309T100000"))
        #expect(moved.property("RECURRENCE-ID")?.parameter("TZID")?.value == "Australia/Melbourne")
        #expect(moved.property("DTSTART")?.value == "20270311T140000")
        #expect(moved.property("LOCATION")?.textValue == "Library")
        let cancelled = try #require(Self.event(calendar, recurrenceID: "20270608T100000"))
        #expect(cancelled.property("STATUS")?.value == "CANCELLED")

        let hiding = InvitationBuilder(initiative: I.initiative, settings: FeedSettings(cancelledOccurrences: .hide))
        let hidden = try #require(Self.request("table", to: "bob", builder: hiding))
        #expect(Self.event(hidden, recurrenceID: "20270608T100000") == nil)
        #expect(
            hidden.components(Component.Name.event).first?.property("EXDATE")?.value
                == "20270608T100000,20270810T100000")
    }

    @Test("a request shows what the recipient's private feed shows, without agenda notes")
    func requestMatchesPrivateFeed() throws {
        let addressing: Set<String> = ["DTSTAMP", "ORGANIZER", "ATTENDEE"]
        func withoutAddressing(_ events: [Component]) -> [[Property]] {
            events.map { $0.properties.filter { !addressing.contains($0.name) } }
        }
        let next = try FeedBuilderTests.occurrence(of: "table", originalDate: "2026-12-08")
        let feed = FeedBuilder(initiative: I.initiative, settings: FeedSettings())
            .calendar(
                for: .person("bob"), revisions: ["table": I.revision], now: F.now,
                notes: ["table": OccurrenceNote(occurrence: next, text: "Agenda", link: nil)]
            )
            .components(Component.Name.event)
            .filter {
                $0.property("UID")?.value == "table@example.org"
                    && $0.property("RECURRENCE-ID")?.value != "20261208T100000"
            }
        let invitation = try #require(Self.request("table", to: "bob")).components(Component.Name.event)
        #expect(withoutAddressing(invitation) == withoutAddressing(feed))
        let master = try #require(invitation.first)
        #expect(master.property("URL")?.value == "https://meet.example.org/table")
        #expect(master.property("LOCATION")?.textValue == "Civic Centre, Room 2")
        #expect(master.property("CLASS")?.value == "PRIVATE")
        #expect(!(master.property("DESCRIPTION")?.textValue.contains("Agenda") ?? true))
    }

    @Test("the VTIMEZONE of a Melbourne series has both its summer and winter offsets")
    func melbourneTimeZone() throws {
        let zones = try #require(Self.request("table", to: "bob")).components(Component.Name.timeZone)
        #expect(zones.compactMap { $0.property("TZID")?.value } == ["Australia/Melbourne"])
        let zone = try #require(zones.first)
        #expect(zone.components(Component.Name.daylight).first?.property("TZOFFSETTO")?.value == "+1100")
        #expect(zone.components(Component.Name.standard).first?.property("TZOFFSETTO")?.value == "+1000")
    }

    @Test("a London series gets the Europe/London VTIMEZONE, with British Summer Time")
    func londonTimeZone() throws {
        let calendar = try #require(Self.request("standup", to: "bob"))
        let zones = calendar.components(Component.Name.timeZone)
        #expect(zones.compactMap { $0.property("TZID")?.value } == ["Europe/London"])
        let zone = try #require(zones.first)
        #expect(zone.components(Component.Name.daylight).first?.property("TZOFFSETTO")?.value == "+0100")
        #expect(zone.components(Component.Name.standard).first?.property("TZOFFSETTO")?.value == "+0000")
        let master = try #require(calendar.components(Component.Name.event).first)
        #expect(master.property("DTSTART")?.parameter("TZID")?.value == "Europe/London")
        #expect(master.property("UID")?.value == "standup@example.org")
    }

    @Test("unknown series or people, and people who do not attend, get no invitation")
    func unknownIDs() {
        #expect(Self.request("nope", to: "bob") == nil)
        #expect(Self.request("table", to: "nobody") == nil)
        #expect(Self.request("standup", to: "ann") == nil)
        #expect(Self.cancel("nope", "2027-04-13T10:00", to: "bob") == nil)
        #expect(Self.cancel("table", "2027-04-13T10:00", to: "nobody") == nil)
        #expect(Self.cancel("standup", "2026-11-09T09:15", to: "ann") == nil)
    }

    @Test("cancelling one meeting sends its RECURRENCE-ID with TZID and STATUS:CANCELLED to every attendee")
    func cancelOccurrence() throws {
        let calendar = try #require(Self.cancel("table", "2027-04-13T10:00", to: "bob"))
        #expect(calendar.property("METHOD")?.value == "CANCEL")
        #expect(
            calendar.components(Component.Name.timeZone).compactMap { $0.property("TZID")?.value } == [
                "Australia/Melbourne"
            ])
        let event = try I.onlyEvent(calendar)
        #expect(event.property("UID")?.value == "table@example.org")
        #expect(event.property("SEQUENCE")?.value == "4")
        #expect(event.property("DTSTAMP")?.value == I.stampText)
        #expect(event.property("RECURRENCE-ID")?.value == "20270413T100000")
        #expect(event.property("RECURRENCE-ID")?.parameter("TZID")?.value == "Australia/Melbourne")
        #expect(event.property("DTSTART")?.value == "20270413T100000")
        #expect(event.property("STATUS")?.value == "CANCELLED")
        #expect(event.property("SUMMARY")?.textValue == "Cancelled: Leadership Table")
        #expect(event.property("RRULE") == nil && event.property("EXDATE") == nil)
        #expect(event.property("ORGANIZER")?.value == "mailto:rhythm@example.org")
        #expect(event.properties("ATTENDEE").map(\.value) == ["mailto:ann@example.org", "mailto:bob@example.org"])
        #expect(I.attendee(event, "bob@example.org")?.parameter("RSVP")?.value == "TRUE")
    }

    @Test("cancelling a moved meeting names its original start, keeps its new time and gives a cancellation's reason")
    func cancelMovedOrCancelledOccurrence() throws {
        let moved = try I.onlyEvent(Self.cancel("table", "2027-03-09T10:00", to: "ann"))
        #expect(moved.property("RECURRENCE-ID")?.value == "20270309T100000")
        #expect(moved.property("DTSTART")?.value == "20270311T140000")
        #expect(moved.property("LOCATION")?.textValue == "Library")
        #expect(moved.property("STATUS")?.value == "CANCELLED")
        #expect(!(moved.property("DESCRIPTION")?.textValue.contains("Room closed") ?? false))
        let called = try I.onlyEvent(Self.cancel("table", "2027-06-08T10:00", to: "ann"))
        #expect(called.property("DESCRIPTION")?.textValue.hasPrefix("Cancelled: No quorum") == true)
    }

    @Test("cancelling a whole series needs neither the series nor a start, and names its one attendee")
    func cancelSeries() throws {
        let calendar = InvitationBuilder.cancelSeries(
            uid: "gone@example.org", title: "Old Working Group", sequence: 7, organizer: I.sender,
            attendee: CalendarUser(name: "Bob", email: "bob@example.org"), stamp: I.stamp)
        #expect(calendar.property("METHOD")?.value == "CANCEL")
        #expect(calendar.property("PRODID")?.textValue == FeedBuilder.productID)
        #expect(calendar.components(Component.Name.timeZone).isEmpty)
        let event = try I.onlyEvent(calendar)
        #expect(event.property("UID")?.value == "gone@example.org")
        #expect(event.property("SEQUENCE")?.value == "7")
        #expect(event.property("DTSTAMP")?.value == I.stampText)
        #expect(event.property("STATUS")?.value == "CANCELLED")
        #expect(event.property("SUMMARY")?.textValue == "Cancelled: Old Working Group")
        #expect(event.property("RECURRENCE-ID") == nil && event.property("DTSTART") == nil)
        #expect(event.property("ORGANIZER")?.value == "mailto:rhythm@example.org")
        #expect(event.properties("ATTENDEE").map(\.value) == ["mailto:bob@example.org"])
        #expect(event.property("ATTENDEE")?.parameter("RSVP")?.value == "TRUE")
    }

    @Test("cancelling a series still in the configuration carries its DTSTART, RRULE and VTIMEZONE, as python reads")
    func cancelKnownSeriesWithItsTiming() throws {
        let calendar = I.builder.cancelSeries(
            seriesID: "standup", title: "Stand-up", attendee: CalendarUser(name: "Bob", email: "bob@example.org"),
            organizer: I.sender, revision: I.revision, stamp: I.stamp)
        let event = try I.onlyEvent(calendar)
        #expect(event.property("RECURRENCE-ID") == nil)
        #expect(event.property("DTSTART")?.parameter("TZID")?.value == "Europe/London")
        let parsed = try ParsedMessage.parse(calendar)
        #expect(parsed.method == "CANCEL")
        #expect(parsed.timeZones == ["Europe/London"])
        let read = try #require(parsed.events.first)
        #expect((read.uid, read.sequence, read.status) == ("standup@example.org", 4, "CANCELLED"))
        #expect(
            read.start == ParsedMessage.When(local: "20261102T091500", tzid: "Europe/London", utc: "20261102T091500Z"))
        #expect(read.rule == "FREQ=WEEKLY;BYDAY=MO")
        #expect(read.recurrenceID.local.isEmpty)
        #expect(read.attendees.map(\.address) == ["mailto:bob@example.org"])
        let removed = I.builder.cancelSeries(
            seriesID: "gone", title: "Old Working Group", attendee: CalendarUser(name: "Bob", email: "bob@example.org"),
            organizer: I.sender, revision: I.revision, stamp: I.stamp)
        #expect(removed.components(Component.Name.timeZone).isEmpty)
        #expect(try I.onlyEvent(removed).property("DTSTART") == nil)
    }

    @Test("invitations are deterministic and leave the feeds as they were")
    func deterministicAndFeedsUnchanged() throws {
        let first = try #require(Self.request("table", to: "bob")).serialized()
        let again = InvitationBuilder(initiative: I.initiative, settings: FeedSettings())
            .request(seriesID: "table", attendeeID: "bob", organizer: I.sender, revision: I.revision, stamp: I.stamp)
        #expect(first == again?.serialized())
        let feed = FeedBuilderTests.builder.calendar(for: .person("bob"), revisions: [:], now: F.now)
        #expect(feed.property("METHOD")?.value == "PUBLISH")
        let stamps = feed.components(Component.Name.event).compactMap { $0.property("DTSTAMP")?.value }
        #expect(Set(stamps) == ["20261118T110640Z"])
        #expect(
            feed.components(Component.Name.event).allSatisfy { event in
                event.properties("ATTENDEE").allSatisfy { $0.parameter("RSVP")?.value == "FALSE" }
            })
    }

    @Test("python icalendar reads a request's method, UID, SEQUENCE, attendees and RECURRENCE-IDs as written")
    func pythonReadsRequest() throws {
        let parsed = try ParsedMessage.parse(try #require(Self.request("table", to: "bob")))
        #expect(parsed.method == "REQUEST")
        #expect(parsed.timeZones == ["Australia/Melbourne"])
        #expect(parsed.events.count == 3)
        for event in parsed.events {
            #expect(event.uid == "table@example.org")
            #expect(event.sequence == 4)
            #expect(event.stamp == I.stampText)
            #expect(event.organizer.address == "mailto:rhythm@example.org")
            #expect(event.organizer.cn == "Rhythm, Brightwater")
            #expect(
                event.attendees == [
                    ParsedMessage.User(
                        address: "mailto:ann@example.org", cn: "Ann 'Chair' Lee", cutype: "INDIVIDUAL",
                        role: "REQ-PARTICIPANT", partstat: "NEEDS-ACTION", rsvp: "FALSE"),
                    ParsedMessage.User(
                        address: "mailto:bob@example.org", cn: "Bob", cutype: "INDIVIDUAL", role: "REQ-PARTICIPANT",
                        partstat: "NEEDS-ACTION", rsvp: "TRUE"),
                ])
        }
        // Melbourne is on summer time (UTC+11) in March and on standard time (UTC+10) in June.
        #expect(
            parsed.events.map(\.recurrenceID) == [
                ParsedMessage.When(local: "", tzid: "", utc: ""),
                ParsedMessage.When(
                    local: "20270309T100000", tzid: "Australia/Melbourne", utc: "20270308T230000Z"),
                ParsedMessage.When(
                    local: "20270608T100000", tzid: "Australia/Melbourne", utc: "20270608T000000Z"),
            ])
        #expect(parsed.events[1].start.utc == Self.utc("2027-03-11T14:00", in: F.melbourne))
        #expect(parsed.events.map(\.status) == ["CONFIRMED", "CONFIRMED", "CANCELLED"])
    }

    @Test("python icalendar reads both kinds of cancellation as written")
    func pythonReadsCancellations() throws {
        let one = try ParsedMessage.parse(try #require(Self.cancel("standup", "2027-03-29T09:15", to: "bob")))
        #expect(one.method == "CANCEL")
        #expect(one.timeZones == ["Europe/London"])
        let occurrence = try #require(one.events.first)
        #expect(one.events.count == 1)
        #expect((occurrence.uid, occurrence.sequence, occurrence.status) == ("standup@example.org", 4, "CANCELLED"))
        #expect(occurrence.stamp == I.stampText)
        // The first Monday of British Summer Time in 2027: 09:15 BST is 08:15 UTC.
        #expect(
            occurrence.recurrenceID
                == ParsedMessage.When(local: "20270329T091500", tzid: "Europe/London", utc: "20270329T081500Z"))
        #expect(occurrence.recurrenceID.utc == Self.utc("2027-03-29T09:15", in: F.london))
        #expect(occurrence.attendees.map(\.address) == ["mailto:bob@example.org"])
        #expect(occurrence.attendees.first?.rsvp == "TRUE")

        let series = try ParsedMessage.parse(
            InvitationBuilder.cancelSeries(
                uid: "gone@example.org", title: "Old Working Group", sequence: 7, organizer: I.sender,
                attendee: CalendarUser(name: "Bob", email: "bob@example.org"), stamp: I.stamp))
        #expect(series.method == "CANCEL")
        #expect(series.timeZones.isEmpty)
        let event = try #require(series.events.first)
        #expect((event.uid, event.sequence, event.status) == ("gone@example.org", 7, "CANCELLED"))
        #expect(event.start.local.isEmpty && event.recurrenceID.local.isEmpty)
        #expect(event.organizer.cn == "Rhythm, Brightwater")
        #expect(event.attendees.map(\.rsvp) == ["TRUE"])
    }
}
