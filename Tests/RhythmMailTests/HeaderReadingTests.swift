import Foundation
import RhythmMail
import Testing

@Suite struct HeaderReadingTests {
    @Test(
        "encoded words decode in B and Q, UTF-8 and Latin charsets",
        arguments: [
            ("=?UTF-8?B?UsOpdW5pb24=?=", "Réunion"),
            ("=?utf-8?q?R=C3=A9union_mensuelle?=", "Réunion mensuelle"),
            ("=?ISO-8859-1?Q?Caf=E9?= ouvert", "Café ouvert"),
            ("=?windows-1252?Q?=93quoted=94?=", "“quoted”"),
            ("=?UTF-8?B?w6k=?= =?UTF-8?B?w6k=?=", "éé"),
            ("=?UTF-8?Q?=C3?= =?UTF-8?Q?=A9t=C3=A9?=", "été"),
            ("Re: =?UTF-8?Q?caf=C3=A9?= time", "Re: café time"),
            ("=?UTF-8*en?Q?hello?=", "hello"),
            ("=?UTF-8?X?broken?= stays", "=?UTF-8?X?broken?= stays"),
            ("plain text", "plain text"),
        ])
    func encodedWords(raw: String, expected: String) {
        let header = MessageHeader(fields: [HeaderField(name: "Subject", value: raw)])
        #expect(header.text("subject") == expected)
    }

    @Test(
        "parameters read quoted values, escapes, RFC 2231 sections and encoded words",
        arguments: [
            ("text/calendar; charset=\"utf-8\"; method=REPLY", "method", "REPLY"),
            ("attachment; filename=\"say \\\"hi\\\".ics\"", "filename", "say \"hi\".ics"),
            ("attachment; filename*=iso-8859-1'fr'caf%E9.ics", "filename", "café.ics"),
            ("attachment; filename*0=\"long\"; filename*1=\"name.ics\"", "filename", "longname.ics"),
            ("application/ics; name=\"=?UTF-8?B?UsOpdW5pb24uaWNz?=\"", "name", "Réunion.ics"),
            ("multipart/mixed; BOUNDARY=\"a;b\"", "boundary", "a;b"),
        ])
    func parameters(raw: String, name: String, expected: String) {
        #expect(HeaderValue(parsing: raw).parameters[name] == expected)
    }

    @Test("the main value of a structured header is lower-cased")
    func mainValue() {
        #expect(HeaderValue(parsing: "Text/Calendar; method=REPLY").value == "text/calendar")
    }

    @Test(
        "dates in current and obsolete forms",
        arguments: [
            ("Mon, 7 Dec 2026 05:10:43 +0000", 1_796_620_243.0),
            ("7 Dec 2026 05:10:43 -0000", 1_796_620_243.0),
            ("Mon,  7 Dec 2026 05:10:43 +0000 (UTC)", 1_796_620_243.0),
            ("Sun, 06 Dec 2026 21:10:43 -0800 (PST)", 1_796_620_243.0),
            ("Mon, 7 Dec 26 05:10 GMT", 1_796_620_200.0),
            ("Mon, 7 Dec 2026 00:10:43 EST", 1_796_620_243.0),
        ])
    func dates(raw: String, expected: TimeInterval) throws {
        let header = "Date: \(raw)\r\n\r\n"
        #expect(try ReceivedMessage(bytes: Array(header.utf8)).date == Date(timeIntervalSince1970: expected))
    }

    @Test(
        "an unreadable date is nil",
        arguments: ["yesterday", "Mon, 32 Dec 2026 05:10:43 +0000", "7 Foo 2026 05:10 +0000"])
    func badDates(raw: String) throws {
        #expect(try ReceivedMessage(bytes: Array("Date: \(raw)\r\n\r\n".utf8)).date == nil)
    }

    @Test("folded header lines are joined and the first occurrence of a name wins")
    func folding() throws {
        let text = "Subject: one\r\n two\r\n\tthree\r\nsubject: later\r\nbroken line\r\n\r\nbody"
        let message = try ReceivedMessage(bytes: Array(text.utf8))
        #expect(message.subject == "one two\tthree")
        #expect(message.header.values("SUBJECT") == ["one two\tthree", "later"])
        #expect(message.parts.first?.text == "body")
    }
}
