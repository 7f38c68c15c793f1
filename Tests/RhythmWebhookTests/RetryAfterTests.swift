import Foundation
import Testing

@testable import RhythmDelivery

@Suite struct RetryAfterTests {
    static let now = Date(timeIntervalSince1970: 1_795_000_000)  // Wed, 18 Nov 2026 11:06:40 GMT

    @Test(
        "Retry-After reads delay seconds and HTTP-dates",
        arguments: [
            ("7", 7), (" 120 ", 120), ("Wed, 18 Nov 2026 11:07:40 GMT", 60),
            ("Wednesday, 18-Nov-26 11:08:40 GMT", 120), ("Wed Nov 18 11:06:50 2026", 10),
            ("Wed, 18 Nov 2026 10:00:00 GMT", 0),
        ])
    func parses(value: String, seconds: Int) {
        #expect(RetryAfter.parse(value, now: Self.now) == .seconds(seconds))
    }

    @Test("a Retry-After that is neither is ignored", arguments: ["", "soon", "-5", "7.5"])
    func ignores(value: String) {
        #expect(RetryAfter.parse(value, now: Self.now) == nil)
    }
}
