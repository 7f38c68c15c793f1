import Foundation
import Testing

@testable import ICalendar

@Suite struct WriterTests {
    @Test("a full calendar with events and a VTIMEZONE has the exact golden bytes")
    func golden() throws {
        try Golden.expect(SampleCalendar.calendar.serialized(), matches: "calendar.ics")
    }

    @Test("every line ends in CRLF and no bare CR or LF appears anywhere")
    func crlfEverywhere() {
        let bytes = Array(SampleCalendar.calendar.serializedData())
        #expect(bytes.suffix(2) == [0x0D, 0x0A])
        for index in bytes.indices {
            if bytes[index] == 0x0A { #expect(index > 0 && bytes[index - 1] == 0x0D, "bare LF at octet \(index)") }
            if bytes[index] == 0x0D {
                #expect(index + 1 < bytes.count && bytes[index + 1] == 0x0A, "bare CR at octet \(index)")
            }
        }
    }

    @Test("raw values cannot smuggle a line break into the output")
    func rawValuesSanitised() {
        let text = Component("VEVENT", properties: [Property("X-RAW", value: "a\r\nBEGIN:VALARM\nb")]).serialized()
        #expect(text == "BEGIN:VEVENT\r\nX-RAW:aBEGIN:VALARMb\r\nEND:VEVENT\r\n")
    }

    @Test("the output has no BOM, and every line is at most 75 octets")
    func noBOMAndShortLines() {
        let data = SampleCalendar.calendar.serializedData()
        #expect(!data.starts(with: [0xEF, 0xBB, 0xBF]))
        for line in Array(data).split(separator: 0x0A) {
            #expect(line.count - 1 <= 75)
        }
    }

    @Test("the same model always gives the same bytes")
    func deterministic() {
        #expect(SampleCalendar.calendar.serializedData() == SampleCalendar.calendar.serializedData())
    }

    @Test("writing, reading and writing again is lossless")
    func roundTrip() throws {
        let calendar = SampleCalendar.calendar
        let parsed = try Component.parse(calendar.serialized())
        #expect(parsed == [calendar])
        let event = try #require(parsed.first?.components(Component.Name.event).first)
        #expect(event.property("SUMMARY")?.textValue == SampleCalendar.summary)
        #expect(event.property("DESCRIPTION")?.textValue == SampleCalendar.description)
        #expect(
            try event.property("DTSTART")?.dateTimeValue()
                == .zoned(SampleCalendar.seriesStart, timeZoneID: SampleCalendar.zoneID))
        #expect(try event.property("DTSTAMP")?.dateTimeValue() == .utc(SampleCalendar.stamp))
        #expect(try event.components.first?.property("TRIGGER")?.durationValue() == DurationValue(minutes: -15))
    }
}
