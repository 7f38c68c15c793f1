import Foundation
import Testing

@testable import RhythmServer

@Suite("HTTP dates")
struct HTTPDateTests {
    @Test("Dates are formatted as IMF-fixdate in GMT")
    func format() {
        #expect(HTTPDate.format(Date(timeIntervalSince1970: 784_111_777)) == "Sun, 06 Nov 1994 08:49:37 GMT")
        #expect(HTTPDate.format(Date(timeIntervalSince1970: 0)) == "Thu, 01 Jan 1970 00:00:00 GMT")
    }

    @Test(
        "All three date forms of RFC 9110 parse",
        arguments: ["Sun, 06 Nov 1994 08:49:37 GMT", "Sunday, 06-Nov-94 08:49:37 GMT", "Sun Nov  6 08:49:37 1994"]
    )
    func parse(text: String) {
        #expect(HTTPDate.parse(text) == Date(timeIntervalSince1970: 784_111_777))
    }

    @Test(
        "Anything else is not a date",
        arguments: [
            "", "Sun, 06 Nov 1994 08:49:37 CET", "Sun, 06 Foo 1994 08:49:37 GMT", "Sun, 31 Feb 1994 08:49:37 GMT",
        ]
    )
    func rejects(text: String) {
        #expect(HTTPDate.parse(text) == nil)
    }
}
