import Testing

@testable import RhythmCore

@Suite struct LocalDateTests {
    @Test("day numbers round-trip across centuries, leap years and the epoch")
    func dayNumberRoundTrip() throws {
        for dayNumber in stride(from: -800_000, through: 800_000, by: 997) {
            let date = LocalDate(dayNumber: dayNumber)
            #expect(date.dayNumber == dayNumber)
        }
        #expect(LocalDate(dayNumber: 0) == LocalDate(year: 1970, month: 1, day: 1))
        #expect(
            try #require(LocalDate(year: 2000, month: 2, day: 29)).adding(days: 1)
                == LocalDate(year: 2000, month: 3, day: 1))
    }

    @Test(
        "impossible dates are refused rather than clamped",
        arguments: [(2027, 2, 29), (2027, 4, 31), (2100, 2, 29), (2027, 13, 1), (2027, 0, 10)])
    func impossibleDates(year: Int, month: Int, day: Int) {
        #expect(LocalDate(year: year, month: month, day: day) == nil)
    }

    @Test("weekdays follow the Gregorian calendar")
    func weekdays() throws {
        #expect(try #require(LocalDate(year: 1970, month: 1, day: 1)).weekday == .thursday)
        #expect(try #require(LocalDate(year: 2027, month: 4, day: 6)).weekday == .tuesday)
        #expect(try #require(LocalDate(year: 2000, month: 2, day: 29)).weekday == .tuesday)
        #expect(try #require(LocalDate(year: 1969, month: 12, day: 31)).weekday == .wednesday)
    }
}
