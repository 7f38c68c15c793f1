import Foundation
import Testing

@testable import ICalendar

@Suite struct CalendarArithmeticTests {
    @Test(
        "day numbers and weekdays agree with Foundation's Gregorian calendar",
        arguments: [
            (1970, 1, 1), (1969, 12, 31), (2000, 2, 29), (2027, 4, 6), (2100, 3, 1), (1600, 1, 1), (9999, 12, 31),
        ])
    func dayNumbers(year: Int, month: Int, day: Int) throws {
        var gregorian = Calendar(identifier: .gregorian)
        gregorian.timeZone = try #require(TimeZone(identifier: "UTC"))
        let reference = try #require(gregorian.date(from: DateComponents(year: year, month: month, day: day)))
        let date = try #require(CalendarDate(year: year, month: month, day: day))
        #expect(date.dayNumber * 86_400 == Int(reference.timeIntervalSince1970))
        #expect(CalendarDate(dayNumber: date.dayNumber) == date)
        let foundationWeekday = gregorian.component(.weekday, from: reference)  // 1 = Sunday
        #expect(date.isoWeekday == (foundationWeekday + 5) % 7 + 1)
    }
}
