import Testing

@testable import RhythmCore

@Suite struct BusinessCalendarTests {
    let plain = BusinessCalendar(holidays: [])
    let withHoliday = BusinessCalendar(holidays: AgendaFixtures.holidays)

    @Test("weekends and holidays are not business days")
    func businessDays() {
        #expect(plain.isBusinessDay(AgendaFixtures.date("2027-05-21")))  // Friday
        #expect(!plain.isBusinessDay(AgendaFixtures.date("2027-05-22")))  // Saturday
        #expect(!plain.isBusinessDay(AgendaFixtures.date("2027-05-23")))  // Sunday
        #expect(plain.isBusinessDay(AgendaFixtures.date("2027-05-24")))
        #expect(!withHoliday.isBusinessDay(AgendaFixtures.date("2027-05-24")))
    }

    @Test(
        "counting back business days skips weekends and holidays",
        arguments: [
            (0, "2027-05-27", false, "2027-05-27"),
            (1, "2027-05-24", false, "2027-05-21"),  // Monday back over the weekend to Friday
            (5, "2027-05-27", false, "2027-05-20"),
            (5, "2027-05-27", true, "2027-05-19"),  // and over the Monday holiday
            (3, "2027-05-25", true, "2027-05-19"),
        ])
    func countBack(count: Int, from: String, holiday: Bool, expected: String) {
        let calendar = holiday ? withHoliday : plain
        #expect(calendar.date(businessDays: count, before: AgendaFixtures.date(from)) == AgendaFixtures.date(expected))
    }

    @Test("counting forward and between dates")
    func countForward() {
        #expect(
            withHoliday.date(businessDays: 1, after: AgendaFixtures.date("2027-05-21"))
                == AgendaFixtures.date("2027-05-25"))
        #expect(
            withHoliday.businessDay(onOrAfter: AgendaFixtures.date("2027-05-22")) == AgendaFixtures.date("2027-05-25"))
        #expect(plain.businessDays(from: AgendaFixtures.date("2027-05-21"), to: AgendaFixtures.date("2027-05-24")) == 1)
        #expect(
            withHoliday.businessDays(from: AgendaFixtures.date("2027-05-19"), to: AgendaFixtures.date("2027-05-27"))
                == 5)
        #expect(plain.businessDays(from: AgendaFixtures.date("2027-05-27"), to: AgendaFixtures.date("2027-05-20")) == 0)
    }
}
