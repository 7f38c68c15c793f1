import Foundation
import Testing

@testable import ICalendar

/// Checks the writer against an implementation we did not write: Python's `icalendar`
/// (Debian's `python3-icalendar`), which CI installs. It parses the sample feed, reports the
/// values it sees as JSON, and evaluates the VTIMEZONE with its own `to_tz()`.
@Suite struct IndependentParserTests {
    static let python = "/usr/bin/python3"

    static let script = """
        import icalendar, json, sys, datetime
        cal = icalendar.Calendar.from_ical(sys.stdin.buffer.read().decode('utf-8'))
        out = {'calname': str(cal['X-WR-CALNAME']), 'events': [], 'offsets': []}
        for ev in cal.walk('VEVENT'):
            start = ev['DTSTART']
            out['events'].append({
                'summary': str(ev['SUMMARY']),
                'description': str(ev.get('DESCRIPTION', '')),
                'location': str(ev.get('LOCATION', '')),
                'start': start.dt.strftime('%Y%m%dT%H%M%S') if isinstance(start.dt, datetime.datetime)
                         else start.dt.strftime('%Y%m%d'),
                'tzid': start.params.get('TZID', ''),
                'rrule': ev['RRULE'].to_ical().decode() if 'RRULE' in ev else '',
                'organizer_cn': str(ev['ORGANIZER'].params.get('CN', '')) if 'ORGANIZER' in ev else '',
            })
        tz = cal.walk('VTIMEZONE')[0].to_tz()
        for stamp in [1798761600 + hours * 3600 for hours in range(0, 2 * 8760, 61)]:
            local = datetime.datetime.fromtimestamp(stamp, tz=datetime.timezone.utc).astimezone(tz)
            out['offsets'].append([stamp, int(local.utcoffset().total_seconds())])
        json.dump(out, sys.stdout)
        """

    struct Report: Decodable {
        struct Event: Decodable, Equatable {
            var summary: String
            var description: String
            var location: String
            var start: String
            var tzid: String
            var rrule: String
            var organizer_cn: String
        }

        var calname: String
        var events: [Event]
        var offsets: [[Int]]
    }

    static var hasPythonICalendar: Bool {
        guard FileManager.default.isExecutableFile(atPath: python) else { return false }
        return (try? run(["-c", "import icalendar"], input: Data()))?.status == 0
    }

    static func run(_ arguments: [String], input: Data) throws -> (status: Int32, output: Data, error: Data) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = arguments
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        try stdin.fileHandleForWriting.write(contentsOf: input)
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        let error = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, output, error)
    }

    @Test(
        "python icalendar parses the feed and reads the same values and offsets",
        .enabled(if: hasPythonICalendar, "python3-icalendar is not installed: apt-get install -y python3-icalendar"))
    func pythonAgrees() throws {
        let result = try Self.run(["-c", Self.script], input: SampleCalendar.calendar.serializedData())
        try #require(result.status == 0, "python failed: \(String(decoding: result.error, as: UTF8.self))")
        let report = try JSONDecoder().decode(Report.self, from: result.output)
        #expect(report.calname == "Partnership meetings")
        #expect(
            report.events == [
                Report.Event(
                    summary: SampleCalendar.summary, description: SampleCalendar.description,
                    location: "Room 4, Level 2; 1 Example St, Melbourne", start: "20270406T100000",
                    tzid: SampleCalendar.zoneID, rrule: "FREQ=WEEKLY;UNTIL=20271231T130000Z;BYDAY=TU",
                    organizer_cn: "Smith, Ann"),
                Report.Event(
                    summary: SampleCalendar.summary + " (moved)", description: "", location: "",
                    start: "20270421T140000", tzid: SampleCalendar.zoneID, rrule: "", organizer_cn: ""),
                Report.Event(
                    summary: "Planning day", description: "", location: "", start: "20270601", tzid: "", rrule: "",
                    organizer_cn: ""),
            ])
        let zone = try #require(TimeZone(identifier: SampleCalendar.zoneID))
        #expect(report.offsets.count > 200)
        for pair in report.offsets {
            let instant = Date(timeIntervalSince1970: TimeInterval(pair[0]))
            #expect(pair[1] == zone.secondsFromGMT(for: instant), "python's offset at \(instant)")
        }
    }
}
