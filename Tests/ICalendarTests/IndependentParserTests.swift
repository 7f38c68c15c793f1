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
                'organizerCN': str(ev['ORGANIZER'].params.get('CN', '')) if 'ORGANIZER' in ev else '',
            })
        tz = cal.walk('VTIMEZONE')[0].to_tz()
        for stamp in [1798761600 + hours * 3600 for hours in range(0, 2 * 8760, 61)]:
            local = datetime.datetime.fromtimestamp(stamp, tz=datetime.timezone.utc).astimezone(tz)
            out['offsets'].append([stamp, int(local.utcoffset().total_seconds())])
        json.dump(out, sys.stdout)
        """

    /// Reads VTIMEZONEs on stdin and prints, per TZID, `[instant, offset]` pairs from `to_tz()`.
    static let zoneScript = """
        import icalendar, json, sys, datetime
        cal = icalendar.Calendar.from_ical(sys.stdin.buffer.read().decode('utf-8'))
        start, end, step = (int(arg) for arg in sys.argv[1:4])
        out = {}
        for zone in cal.walk('VTIMEZONE'):
            tz = zone.to_tz()
            out[str(zone['TZID'])] = [
                [stamp, int(datetime.datetime.fromtimestamp(stamp, tz=datetime.timezone.utc)
                             .astimezone(tz).utcoffset().total_seconds())]
                for stamp in range(start, end, step)]
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
            var organizerCN: String
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
                    organizerCN: "Smith, Ann"),
                Report.Event(
                    summary: SampleCalendar.summary + " (moved)", description: "", location: "",
                    start: "20270421T140000", tzid: SampleCalendar.zoneID, rrule: "", organizerCN: ""),
                Report.Event(
                    summary: "Planning day", description: "", location: "", start: "20270601", tzid: "", rrule: "",
                    organizerCN: ""),
            ])
        let zone = try #require(TimeZone(identifier: SampleCalendar.zoneID))
        #expect(report.offsets.count > 200)
        for pair in report.offsets {
            let instant = Date(timeIntervalSince1970: TimeInterval(pair[0]))
            #expect(pair[1] == zone.secondsFromGMT(for: instant), "python's offset at \(instant)")
        }
    }

    @Test(
        "python icalendar evaluates generated VTIMEZONEs to Foundation's offsets, rule changes included",
        .enabled(if: hasPythonICalendar, "python3-icalendar is not installed: apt-get install -y python3-icalendar"),
        arguments: [(2026, 2029), (2005, 2010), (2010, 2016)])
    func pythonTimeZones(firstYear: Int, lastYear: Int) throws {
        let identifiers = [
            "Australia/Melbourne", "Europe/London", "America/New_York", "Australia/Brisbane", "Asia/Kolkata",
            "Europe/Moscow", "Australia/Lord_Howe",
        ]
        let start = VTimeZoneBuilderTests.newYear(firstYear)
        let end = VTimeZoneBuilderTests.newYear(lastYear)
        // dateutil rejects the UTC UNTIL that RFC 5545 3.3.10 requires in observances
        // (dateutil/dateutil#1006, collective/icalendar#708), so zones whose rules end inside the
        // span (New York in 2007, Melbourne in 2008) are left to ObservanceEvaluator in
        // VTimeZoneBuilderTests. Current spans have no UNTIL, so python checks every zone there.
        let zones = identifiers.map {
            VTimeZoneBuilder(timeZone: TimeZone(identifier: $0)!).component(from: start, to: end)
        }
        .filter { !$0.serialized().contains("UNTIL=") }
        #expect(zones.count >= 4)
        #expect(firstYear < 2026 || zones.count == identifiers.count)
        let calendar = Component(
            Component.Name.calendar,
            properties: [Property("VERSION", value: "2.0"), .text("PRODID", "-//Rhythm//Tests//EN")],
            components: zones)
        let arguments = [Int(start.timeIntervalSince1970), Int(end.timeIntervalSince1970), 3 * 3600 + 17 * 60]
        let result = try Self.run(
            ["-c", Self.zoneScript] + arguments.map(String.init), input: calendar.serializedData())
        try #require(result.status == 0, "python failed: \(String(decoding: result.error, as: UTF8.self))")
        let report = try JSONDecoder().decode([String: [[Int]]].self, from: result.output)
        #expect(Set(report.keys) == Set(zones.compactMap { $0.property("TZID")?.value }))
        for (identifier, pairs) in report {
            let zone = try #require(TimeZone(identifier: identifier))
            let mismatches = pairs.filter {
                $0[1] != zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval($0[0])))
            }
            #expect(mismatches.isEmpty, "\(identifier): python disagrees at \(mismatches.prefix(3))")
        }
    }
}
