import Testing

@testable import ICalendar

@Suite struct ParameterTests {
    @Test(
        "parameter values are quoted only when they contain a colon, semicolon or comma",
        arguments: [
            ("Ann Smith", "X-A;CN=Ann Smith:v"),
            ("mailto:ann@example.org", "X-A;CN=\"mailto:ann@example.org\":v"),
            ("Smith; Ann", "X-A;CN=\"Smith; Ann\":v"),
            ("Smith, Ann", "X-A;CN=\"Smith, Ann\":v"),
            ("Zoë 日本", "X-A;CN=Zoë 日本:v"),
        ])
    func quoting(value: String, line: String) {
        #expect(Property("X-A", parameters: [Parameter("CN", value)], value: "v").contentLine == line)
    }

    @Test("a DQUOTE in a parameter value becomes an apostrophe, since RFC 5545 cannot carry it")
    func doubleQuoteReplaced() {
        let parameter = Parameter("CN", "Ann \"the Boss\" Smith")
        #expect(parameter.value == "Ann 'the Boss' Smith")
    }

    @Test("control characters are removed from parameter values, HTAB is kept")
    func controlCharactersRemoved() {
        #expect(Parameter("CN", "A\r\nB\u{0}C\u{7F}\tD").value == "ABC\tD")
    }

    @Test("several values are comma-separated and each is quoted on its own")
    func multipleValues() {
        let property = Property(
            "ATTENDEE", parameters: [Parameter("DELEGATED-FROM", values: ["mailto:a@x.org", "plain"])],
            value: "mailto:b@x.org")
        #expect(property.contentLine == "ATTENDEE;DELEGATED-FROM=\"mailto:a@x.org\",plain:mailto:b@x.org")
    }

    @Test("names are upper-cased and stripped of characters a name cannot have")
    func names() {
        #expect(Parameter("x-rhythm source", "v").name == "X-RHYTHMSOURCE")
        #expect(Property("summary", value: "v").name == "SUMMARY")
        #expect(Component("vevent").name == "VEVENT")
    }

    @Test("quoted parameter values with special characters survive a round trip")
    func roundTrip() throws {
        let property = Property(
            "ORGANIZER", parameters: [Parameter("CN", "Smith, Ann; PhD: Chair"), Parameter("X-EMPTY", "")],
            value: "mailto:ann@example.org")
        let calendar = Component("VCALENDAR", properties: [property])
        let parsed = try Component.parse(calendar.serialized())
        #expect(parsed == [calendar])
    }
}
