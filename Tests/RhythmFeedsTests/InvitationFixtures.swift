import Foundation
import ICalendar
import RhythmCore
import Testing

@testable import RhythmFeeds

/// The feed fixtures plus what an invitation needs: a sender, a revision, the time the message
/// is made, and a series that its organiser runs without attending it.
enum InvitationFixtures {
    typealias F = FeedFixtures

    /// The backbone's mailbox, which sends the e-mails; the comma makes the writer quote CN.
    static let sender = CalendarUser(name: "Rhythm, Brightwater", email: "rhythm@example.org")
    static let revision = FeedRevision(
        sequence: 4, created: Date(timeIntervalSince1970: 1_780_000_000),
        lastModified: Date(timeIntervalSince1970: 1_790_000_000))
    /// 2026-11-18T11:08:43.5Z: the message's DTSTAMP, which drops the fraction.
    static let stamp = Date(timeIntervalSince1970: 1_795_000_123.5)
    static let stampText = "20261118T110843Z"

    /// Ann organises the forum but only Bob attends it.
    static let initiative: Initiative = {
        var initiative = F.initiative
        initiative.series.append(
            MeetingSeries(
                id: "forum",
                title: "Community Forum",
                kind: .communityForum,
                start: F.local("2027-01-20T18:00"),
                duration: .seconds(5400),
                timeZone: F.london,
                location: "Town Hall",
                organizerID: "ann",
                attendees: Attendees(personIDs: ["bob"]),
                recurrence: try! RecurrenceRule(parsing: "FREQ=MONTHLY;BYDAY=3WE;COUNT=10")
            ))
        return initiative
    }()

    static let builder = InvitationBuilder(initiative: initiative, settings: FeedSettings())

    /// The only VEVENT of a message that has one.
    static func onlyEvent(_ calendar: Component?) throws -> Component {
        let events = calendar?.components(Component.Name.event) ?? []
        try #require(events.count == 1, "expected one VEVENT")
        return events[0]
    }

    /// The ATTENDEE whose address is `email`.
    static func attendee(_ event: Component, _ email: String) -> Property? {
        event.properties("ATTENDEE").first { $0.value == "mailto:\(email)" }
    }
}

/// What Debian's python3-icalendar, a parser we did not write, reads in a message.
struct ParsedMessage: Decodable {
    struct When: Decodable, Equatable {
        /// The wall clock as written, `YYYYMMDDTHHMMSS`; empty when the property is absent.
        var local: String
        var tzid: String
        /// The instant python works out for it, in UTC.
        var utc: String
    }

    struct User: Decodable, Equatable {
        var address: String
        var cn: String
        var cutype: String
        var role: String
        var partstat: String
        var rsvp: String
    }

    struct Event: Decodable {
        var uid: String
        var sequence: Int
        var stamp: String
        var status: String
        var summary: String
        var start: When
        var recurrenceID: When
        /// The RRULE as python writes it back; empty when there is none.
        var rule: String
        var organizer: User
        var attendees: [User]
    }

    var method: String
    var timeZones: [String]
    var events: [Event]

    /// Reads the calendar in python's icalendar (the Python named by RHYTHM_TEST_PYTHON, which
    /// deploy/setup.sh sets, else Debian's), passing it as an argument to an inline script.
    static func parse(_ calendar: Component) throws -> ParsedMessage {
        let process = Process()
        let python = ProcessInfo.processInfo.environment["RHYTHM_TEST_PYTHON"] ?? "/usr/bin/python3"
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", script, calendar.serialized()]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let json = output.fileHandleForReading.readDataToEndOfFile()
        let complaint = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        try #require(
            process.terminationStatus == 0,
            "\(python) could not read the message (apt-get install python3-icalendar?): \(complaint)")
        return try JSONDecoder().decode(ParsedMessage.self, from: json)
    }

    static let script = """
        import datetime, icalendar, json, sys
        cal = icalendar.Calendar.from_ical(sys.argv[1])
        def when(prop):
            if prop is None:
                return {'local': '', 'tzid': '', 'utc': ''}
            utc = prop.dt.astimezone(datetime.timezone.utc)
            return {'local': prop.dt.strftime('%Y%m%dT%H%M%S'), 'tzid': str(prop.params.get('TZID', '')),
                    'utc': utc.strftime('%Y%m%dT%H%M%SZ')}
        def user(address):
            return {'address': str(address), **{key.lower(): str(address.params.get(key, ''))
                    for key in ['CN', 'CUTYPE', 'ROLE', 'PARTSTAT', 'RSVP']}}
        def users(value):
            return [user(a) for a in (value if isinstance(value, list) else [value] if value is not None else [])]
        events = [{
            'uid': str(ev['UID']),
            'sequence': int(ev['SEQUENCE']),
            'stamp': ev.decoded('DTSTAMP').astimezone(datetime.timezone.utc).strftime('%Y%m%dT%H%M%SZ'),
            'status': str(ev.get('STATUS', '')),
            'summary': str(ev.get('SUMMARY', '')),
            'start': when(ev.get('DTSTART')),
            'recurrenceID': when(ev.get('RECURRENCE-ID')),
            'rule': ev['RRULE'].to_ical().decode() if 'RRULE' in ev else '',
            'organizer': user(ev['ORGANIZER']),
            'attendees': users(ev.get('ATTENDEE')),
        } for ev in cal.walk('VEVENT')]
        json.dump({'method': str(cal['METHOD']), 'timeZones': [str(z['TZID']) for z in cal.walk('VTIMEZONE')],
                   'events': events}, sys.stdout)
        """
}
