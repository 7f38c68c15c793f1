import Foundation
import Testing

@testable import ICalendar

@Suite struct ReaderTests {
    @Test("a public-holidays calendar imports as all-day dates with their summaries")
    func holidays() throws {
        let calendars = try Component.parse(try Golden.data("holidays.ics"))
        let calendar = try #require(calendars.first)
        #expect(calendars.count == 1)
        #expect(calendar.property("X-WR-CALNAME")?.textValue == "Victorian public holidays")
        let holidays = try calendar.components(Component.Name.event).map { event in
            (try #require(event.property("DTSTART")).dateOrDateTimeValue(), event.property("SUMMARY")?.textValue)
        }
        let expected: [(DateOrDateTime, String?)] = [
            (.date(CalendarDate(year: 2027, month: 1, day: 1)!), "New Year's Day"),
            (.date(CalendarDate(year: 2027, month: 1, day: 26)!), "Australia Day"),
            (.date(CalendarDate(year: 2027, month: 11, day: 2)!), "Melbourne Cup Day"),
        ]
        #expect(holidays.map(\.0) == expected.map(\.0))
        #expect(holidays.map(\.1) == expected.map(\.1))
        let description = calendar.components("VEVENT")[1].property("DESCRIPTION")?.textValue
        #expect(description == "Observed on the day, statewide; see the government website for details.")
        #expect(calendar.components("VEVENT")[2].property("SUMMARY")?.parameter("language")?.value == "en-AU")
    }

    @Test("CRLF, LF-only and BOM-prefixed input give the same components")
    func lineEndsAndBOM() throws {
        let lf = "BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nSUMMARY:Long\n  summary\nEND:VEVENT\nEND:VCALENDAR\n"
        let crlf = lf.replacingOccurrences(of: "\n", with: "\r\n")
        let bom = Data([0xEF, 0xBB, 0xBF]) + Data(crlf.utf8)
        let expected = try Component.parse(lf)
        #expect(try Component.parse(crlf) == expected)
        #expect(try Component.parse(bom) == expected)
        #expect(expected.first?.components.first?.property("SUMMARY")?.textValue == "Long summary")
    }

    @Test("folds with a tab unfold, and a fold inside a UTF-8 sequence is repaired")
    func foreignFolds() throws {
        let emoji = Array("😀".utf8)
        var bytes = Array("BEGIN:VEVENT\r\nSUMMARY:a\r\n\tb".utf8) + emoji[0..<2] + Array("\r\n ".utf8)
        bytes += emoji[2...] + Array("c\r\nEND:VEVENT\r\n".utf8)
        let event = try #require(try Component.parse(Data(bytes)).first)
        #expect(event.property("SUMMARY")?.value == "ab😀c")
    }

    @Test("parameters with quoted values containing colons, semicolons and commas are split correctly")
    func quotedParameters() throws {
        let text = """
            BEGIN:VEVENT\r
            ATTENDEE;CN="Smith, Ann; PhD";DELEGATED-FROM="mailto:a@x.org","mailto:b@x.org";RSVP=TRUE:mailto:ann@x.org\r
            END:VEVENT\r

            """
        let attendee = try #require(try Component.parse(text).first?.property("ATTENDEE"))
        #expect(attendee.parameter("CN")?.values == ["Smith, Ann; PhD"])
        #expect(attendee.parameter("DELEGATED-FROM")?.values == ["mailto:a@x.org", "mailto:b@x.org"])
        #expect(attendee.parameter("RSVP")?.value == "TRUE")
        #expect(attendee.value == "mailto:ann@x.org")
    }

    @Test("the value keeps every colon after the first")
    func colonsInValue() throws {
        let text = "BEGIN:VEVENT\r\nURL:https://example.org:8443/a\r\nEND:VEVENT\r\n"
        #expect(try Component.parse(text).first?.property("URL")?.value == "https://example.org:8443/a")
    }

    @Test(
        "malformed input is reported with its code and line number",
        arguments: [
            (
                "BEGIN:VCALENDAR\nBEGIN:VEVENT\nEND:VCALENDAR\n", ICalendarError.Code.unmatchedEnd, 3,
                "expected END:VEVENT (opened on line 2), found END:VCALENDAR"
            ),
            (
                "BEGIN:VCALENDAR\nEND:VCALENDAR\nEND:VCALENDAR\n", .unmatchedEnd, 3,
                "found END:VCALENDAR but no component is open"
            ),
            (
                "VERSION:2.0\nBEGIN:VCALENDAR\nEND:VCALENDAR\n", .propertyOutsideComponent, 1,
                "expected BEGIN:VCALENDAR or another BEGIN, found the property VERSION"
            ),
            (
                "BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:x\nEND:VEVENT\n", .unclosedComponent, 1,
                "expected END:VCALENDAR before the end of the text, found none"
            ),
            (
                "BEGIN:VCALENDAR\nVERSION:2.0\nSUMMARY hello\nEND:VCALENDAR\n", .missingColon, 3,
                "expected NAME:value, found no ':' in 'SUMMARY hello'"
            ),
            (
                "BEGIN:VCALENDAR\nX-A;CN=\"open:x\n", .badParameter, 2,
                "expected a closing '\"' for the value of CN, found the end of the line"
            ),
            (
                "BEGIN:VCALENDAR\nX-A;CN:x\nEND:VCALENDAR\n", .badParameter, 2,
                "expected PARAMETER=value after ';' in X-A, found ':'"
            ),
            (
                "BEGIN:VCALENDAR\nX-A;CN=\"q\"x:v\nEND:VCALENDAR\n", .badParameter, 2,
                "expected ',', ';' or ':' after the value of CN, found 'x'"
            ),
            (
                "BEGIN:VCALENDAR\nX-A;CN=a\"b:v\nEND:VCALENDAR\n", .badParameter, 2,
                "expected no '\"' inside the unquoted value of CN, found one"
            ),
            (
                "BEGIN:VCALENDAR\nSUM MARY:x\nEND:VCALENDAR\n", .badName, 2,
                "expected a name of letters, digits and '-' followed by ':' or ';', found ' ' in 'SUM MARY:x'"
            ),
            (
                "BEGIN:V CALENDAR\nEND:VCALENDAR\n", .badName, 1,
                "expected a component name of letters, digits and '-' after BEGIN:, found 'V CALENDAR'"
            ),
        ])
    func errors(text: String, code: ICalendarError.Code, line: Int, message: String) {
        #expect(throws: ICalendarError(code: code, line: line, message: message)) {
            try Component.parse(text)
        }
    }

    @Test("line numbers count physical lines, so a folded line reports where it started")
    func lineNumbersWithFolds() {
        let text = "BEGIN:VCALENDAR\r\nDESCRIPTION:a\r\n b\r\n c\r\n\r\nBROKEN\r\nEND:VCALENDAR\r\n"
        #expect(
            throws: ICalendarError(
                code: .missingColon, line: 6, message: "expected NAME:value, found no ':' in 'BROKEN'")
        ) {
            try Component.parse(text)
        }
    }

    @Test("the error description starts with the line number")
    func description() {
        let error = ICalendarError(code: .unmatchedEnd, line: 7, message: "expected END:VEVENT, found END:VTODO")
        #expect(error.description == "line 7: expected END:VEVENT, found END:VTODO")
    }
}
