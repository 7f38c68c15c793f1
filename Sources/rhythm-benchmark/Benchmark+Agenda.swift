import Foundation
import RhythmAgenda
import RhythmCore
import RhythmStore

extension Benchmark {
    /// The agenda of an indicator review with 2,000 open actions in the store and 20
    /// indicators with two quarters of results: reading the store, building, rendering.
    static func measureAgenda() throws {
        let melbourne = TimeZone(identifier: "Australia/Melbourne")!
        var initiative = SyntheticInitiative.initiative
        let review = MeetingSeries(
            id: "review", title: "Quarterly indicator review", kind: .indicatorReview,
            start: LocalDateTime(year: 2027, month: 2, day: 25, hour: 13)!, duration: .seconds(9000),
            timeZone: melbourne, organizerID: "person-0",
            attendees: Attendees(groupIDs: (0..<5).map { "group-\($0)" }),
            recurrence: try RecurrenceRule(parsing: "FREQ=MONTHLY;INTERVAL=3;BYDAY=TH;BYSETPOS=-1"),
            standingItems: ["Welcome", "What the scorecard tells us"])
        initiative.series.append(review)
        initiative.indicators = (0..<20).map {
            Indicator(
                id: "indicator-\($0)", name: "Indicator \($0)", unit: "%",
                direction: $0 % 2 == 0 ? .higherIsBetter : .lowerIsBetter, target: 50, ownerID: "person-\($0)",
                reportingPeriod: .quarter, reviewSeriesID: "review")
        }

        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rhythm-benchmark-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try AppDatabase.open(path: directory.appendingPathComponent("rhythm.sqlite").path)
        let now = Date()
        let firstDue = LocalDate(year: 2027, month: 1, day: 1)!
        for index in 0..<2000 {
            _ = try store.createAction(
                NewAction(
                    title: "Action \(index)", ownerID: "person-\(index % 40)", partnerID: "partner-\(index % 20)",
                    groupID: "group-\(index % 20)", due: firstDue.adding(days: index % 400)),
                actor: "benchmark", now: now)
        }
        for indicator in initiative.indicators {
            for (period, value) in [("2026-Q4", 48.0), ("2027-Q1", 52.0)] {
                _ = try store.recordIndicatorResult(
                    indicatorID: indicator.id, period: ReportingPeriod(parsing: period)!, value: value, note: nil,
                    actor: "benchmark", now: now)
            }
        }

        let occurrence = Schedule(initiative: initiative).occurrences(
            of: [review],
            in: DateInterval(
                start: melbourne.instant(for: LocalDateTime(year: 2027, month: 5, day: 1)!), duration: 60 * 86_400)
        )[0]
        let renderer = try AgendaRenderer()
        var reviewed = 0
        var bytes = 0
        let timings = measure {
            do {
                let agenda = AgendaBuilder().agenda(
                    for: occurrence, initiative: initiative, actions: try store.openActions(),
                    items: try store.agendaItems(
                        seriesID: "review", occurrenceDate: occurrence.originalStart.date, limit: 10_000, offset: 0),
                    results: try store.allIndicatorResults(), today: LocalDate(year: 2027, month: 5, day: 18)!)
                reviewed = agenda.actions.count
                bytes = renderer.render(agenda, format: .html).utf8.count
            } catch {
                fatalError("the store failed: \(error)")
            }
        }
        report(
            "Agenda: 2,000 open actions in the store (\(reviewed) on the agenda), 20 indicators; read, build, render HTML (\(bytes) bytes)",
            timings)
    }
}
