import Testing

@testable import ICalendar

@Suite struct EscapingTests {
    @Test(
        "TEXT escapes each special character exactly as RFC 5545 3.3.11 says",
        arguments: [
            ("back\\slash", "back\\\\slash"),
            ("a;b", "a\\;b"),
            ("a,b", "a\\,b"),
            ("line\nbreak", "line\\nbreak"),
            ("windows\r\nbreak", "windows\\nbreak"),
            ("old mac\rbreak", "old mac\\nbreak"),
            ("two\n\nbreaks", "two\\n\\nbreaks"),
            ("colon: and \"quotes\" stay", "colon: and \"quotes\" stay"),
            ("tab\tstays", "tab\tstays"),
            ("bell\u{07}and nul\u{00} go", "belland nul go"),
            ("Café ☕️, 会議; done\\", "Café ☕️\\, 会議\\; done\\\\"),
        ])
    func escapes(text: String, escaped: String) {
        #expect(Property.text("SUMMARY", text).value == escaped)
    }

    @Test(
        "escaped TEXT reads back unchanged through writer and reader",
        arguments: ["back\\slash", "a;b,c", "line\nbreak", "\\n is not a newline", "trailing\\", ";,\\\n", "Café ☕️"])
    func roundTrip(text: String) throws {
        let calendar = Component("VCALENDAR", components: [Component("VEVENT", properties: [.text("SUMMARY", text)])])
        let parsed = try Component.parse(calendar.serialized())
        #expect(parsed.first?.components.first?.property("SUMMARY")?.textValue == text)
    }

    @Test("line breaks of every kind read back as LF")
    func lineBreaksNormalised() {
        #expect(Property.text("DESCRIPTION", "a\r\nb\rc\nd").textValue == "a\nb\nc\nd")
    }

    @Test("unescaping accepts \\N and drops the backslash of an unknown escape")
    func lenientUnescape() {
        #expect(Property("DESCRIPTION", value: "a\\Nb\\:c").textValue == "a\nb:c")
    }
}
