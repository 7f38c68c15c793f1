import Testing

@testable import RhythmCore

@Suite struct IndicatorStandingTests {
    typealias F = AgendaFixtures

    /// The scorecard of the review on Thursday 27 May 2027, built on `today`.
    func scorecard(_ results: [IndicatorResult], today: String = "2027-05-18") -> [IndicatorStanding] {
        let initiative = F.initiative()
        return AgendaBuilder().agenda(
            for: F.occurrence(F.review, on: "2027-05-27", in: initiative), initiative: initiative, actions: [],
            items: [], results: results, today: F.date(today)
        ).scorecard ?? []
    }

    @Test("the scorecard lists the indicators the review looks at, for the last complete quarter")
    func reviewedIndicatorsAndPeriod() {
        let card = scorecard([])
        #expect(card.map(\.id) == ["attendance", "neet", "placements"])
        #expect(card.allSatisfy { $0.period.description == "2027-Q1" })
        #expect(card.allSatisfy { $0.previousPeriod.description == "2026-Q4" })
    }

    @Test("value, trend and track against the target, in the indicator's direction")
    func trendAndTrack() throws {
        let card = scorecard([
            F.result("attendance", "2026-Q4", 89), F.result("attendance", "2027-Q1", 91),
            F.result("neet", "2026-Q4", 130), F.result("neet", "2027-Q1", 110),
            F.result("placements", "2026-Q4", 65), F.result("placements", "2027-Q1", 65),
            F.result("placements", "2026-Q1", 1),  // older: not the previous period
        ])
        let attendance = card[0]
        #expect(attendance.value == 91)
        #expect(attendance.previousValue == 89)
        #expect(attendance.trend == .up)
        #expect(attendance.assessment == .better)
        #expect(attendance.isOnTrack == false)
        #expect(attendance.data == .recorded)
        let neet = card[1]
        #expect(neet.trend == .down)
        #expect(neet.assessment == .better)
        #expect(neet.isOnTrack == true)
        let placements = card[2]
        #expect(placements.trend == .flat)
        #expect(placements.assessment == .unchanged)
        #expect(placements.isOnTrack == true)
    }

    @Test(
        "which way is better depends on the direction",
        arguments: [
            (Indicator.Direction.higherIsBetter, 10.0, 12.0, IndicatorStanding.TrendAssessment.better, true),
            (.higherIsBetter, 12, 10, .worse, false),
            (.lowerIsBetter, 10, 12, .worse, false),
            (.lowerIsBetter, 12, 10, .better, true),
        ])
    func direction(
        direction: Indicator.Direction, previous: Double, value: Double, expected: IndicatorStanding.TrendAssessment,
        onTrack: Bool
    ) {
        let indicator = Indicator(
            id: "x", name: "X", unit: "", direction: direction, target: 11, ownerID: "sam", reportingPeriod: .month)
        let standing = IndicatorStanding(
            indicator: indicator, initiative: F.initiative(),
            results: [F.result("x", "2027-03", previous), F.result("x", "2027-04", value)],
            reviewDate: F.date("2027-05-27"), today: F.date("2027-05-01"))
        #expect(standing.period.description == "2027-04")
        #expect(standing.assessment == expected)
        #expect(standing.isOnTrack == onTrack)
    }

    @Test("missing data names its owner, and is late only after the due day (weekend and holiday skipped)")
    func missingAndLate() {
        // Due five business days before Thursday 27 May, skipping the weekend and the
        // Monday 24 May holiday: Wednesday 19 May.
        let onDueDay = scorecard([F.result("attendance", "2027-Q1", 90)], today: "2027-05-19")
        #expect(onDueDay[0].data == .recorded)
        #expect(onDueDay[1].data == .missing)
        #expect(onDueDay[1].ownerName == "Amara Okafor")
        #expect(onDueDay[1].dueDate == F.date("2027-05-19"))
        #expect(onDueDay[1].value == nil)
        #expect(onDueDay[1].trend == nil)
        #expect(onDueDay[1].isOnTrack == nil)
        let dayAfter = scorecard([F.result("attendance", "2027-Q1", 90)], today: "2027-05-20")
        #expect(dayAfter[0].data == .recorded)
        #expect(dayAfter[1].data == .late)
        #expect(dayAfter[2].data == .late)
        #expect(dayAfter[2].ownerName == "Fiona McAllister")
    }

    @Test("without a review, the standing is for the last period complete before today")
    func withoutReview() {
        let indicator = F.indicators[3]
        let standing = IndicatorStanding(
            indicator: indicator, initiative: F.initiative(),
            results: [F.result("unreviewed", "2026-Q3", 5), F.result("unreviewed", "2026-Q4", 7)],
            reviewDate: nil, today: F.date("2027-04-01"))
        #expect(standing.period.description == "2027-Q1")
        #expect(standing.data == .missing)
        #expect(standing.dueDate == nil)
        #expect(standing.latest?.period.description == "2026-Q4")
        #expect(standing.latest?.value == 7)
    }
}
