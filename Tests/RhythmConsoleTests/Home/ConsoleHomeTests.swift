import Foundation
import RhythmCore
import Testing

@testable import RhythmConsole

@Suite struct ConsoleHomeTests {
    let home = ConsoleHome(initiative: HomeFixture.initiative, overview: HomeFixture.overview, now: HomeFixture.now)

    var weekly: SeriesHealth { home.series[0] }

    @Test("weeks start on Monday in the initiative's zone and keep 10:00 across the clock change")
    func calendarAcrossClockChange() throws {
        #expect(home.calendar.today == HomeFixture.date(2027, 4, 1))
        #expect(home.calendar.weeks.map(\.monday) == [HomeFixture.date(2027, 3, 29), HomeFixture.date(2027, 4, 5)])
        #expect(home.calendar.weeks.allSatisfy { $0.days.count == 7 })
        let mondays = home.calendar.weeks.map { $0.days[0].meetings.filter { $0.series.id == "weekly" } }
        #expect(mondays.map { $0.map(\.localStart.time.hour) } == [[10], [10]])
        // 10:00 is 23:00 UTC before the change (+11:00) and 00:00 UTC after it (+10:00).
        #expect(mondays[0].first?.start == HomeFixture.at(2027, 3, 28, 23, zone: .gmt))
        #expect(mondays[1].first?.start == HomeFixture.at(2027, 4, 5, 0, zone: .gmt))
    }

    @Test("a meeting kept on London's clock sits on the day it starts in the initiative's zone")
    func otherZoneMeetingDay() throws {
        let monday = home.calendar.weeks[0].days[0]
        let call = try #require(monday.meetings.first { $0.series.id == "london-call" })
        #expect(call.localStart == LocalDateTime(year: 2027, month: 3, day: 28, hour: 23, minute: 30))
        #expect(home.calendar.weeks[0].days[6].meetings.allSatisfy { $0.series.id != "london-call" })
        let page = ConsoleHomePage.calendarSection(home)
        #expect(page.contains("23:30–00:00</time> (Europe/London time)"))
    }

    @Test("held against planned counts the rule's meetings of the last 90 days, cancelled and skipped apart")
    func heldAgainstPlanned() {
        #expect(weekly.planned == 13)
        #expect(weekly.held == 10)
        #expect(weekly.cancelled == 1)
        #expect(weekly.skipped == 2)
        #expect(weekly.lastMeeting?.originalStart.date == HomeFixture.date(2027, 3, 29))
        #expect(weekly.nextMeeting?.originalStart.date == HomeFixture.date(2027, 4, 5))
    }

    @Test("attendance counts invited people coming over the held meetings, overall and by partner")
    func attendance() {
        #expect(weekly.attendance == AttendanceShare(attending: 4, invited: 40))
        #expect(
            weekly.partnerAttendance.map { "\($0.partnerID) \($0.share.attending)/\($0.share.invited)" } == [
                "council 3/20", "college 1/10",
            ])
        #expect(
            weekly.recentMeetings.map(\.date.description) == [
                "2027-02-01", "2027-02-08", "2027-02-22", "2027-03-15", "2027-03-22", "2027-03-29",
            ])
        #expect(
            weekly.recentMeetings.map { $0.byPartner.map { $0.share.percent ?? -1 } } == [
                [0, 0], [0, 0], [0, 0], [0, 0], [100, 0], [50, 100],
            ])
    }

    @Test("the next meeting's readiness: items and minutes, actions, and the review data that is late")
    func readiness() throws {
        let agenda = try #require(weekly.nextAgenda)
        #expect(weekly.agendaItemCount == 1)
        #expect(agenda.scheduledMinutes == 30)
        #expect(agenda.meetingMinutes == 60)
        #expect(weekly.openActionCount == 2)
        #expect(weekly.overdueActionCount == 1)
        let review = try #require(weekly.reviewData)
        #expect(review.recorded == 1)
        #expect(review.late.map(\.indicator.id) == ["placements"])
        #expect(!review.isComplete)
        #expect(home.series[1].reviewData == nil)
    }

    @Test("actions opened and closed per month, with the median age of those open at each month's end")
    func actionTrend() {
        let months = home.actions.months
        #expect(
            months.map(\.firstDay.description) == [
                "2026-11-01", "2026-12-01", "2027-01-01", "2027-02-01", "2027-03-01", "2027-04-01",
            ])
        #expect(months.map(\.opened) == [0, 1, 0, 1, 1, 0])
        #expect(months.map(\.closed) == [0, 0, 0, 0, 1, 0])
        #expect(months.map(\.openAtEnd) == [0, 1, 1, 2, 2, 2])
        #expect(months.map(\.medianOpenAgeDays) == [nil, 17, 48, 47.5, 64.5, 64.5])
        #expect(months.map(\.isCurrent) == [false, false, false, false, false, true])
    }

    @Test("each indicator's last six periods, up to the last one with a value")
    func indicatorTrend() {
        let rate = home.indicators[0]
        #expect(
            rate.points.map(\.period.description) == ["2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4", "2027-Q1"])
        #expect(rate.points.map(\.value) == [nil, nil, nil, 85, 88, 91])
        #expect(home.indicators[1].points.map(\.value) == [nil, nil, nil, nil, 40, nil])
    }

    @Test("delivery health names held and dead entries' reasons and whose address bounces")
    func delivery() {
        #expect(home.delivery.pending == 5)
        #expect(home.delivery.heldCount == 1)
        #expect(home.delivery.deadCount == 2)
        #expect(home.delivery.bouncing.map(\.isCurrentAddress) == [true, false])
        #expect(home.delivery.bouncing.map(\.personName) == ["Ana One", "Bo Three"])
    }
}
