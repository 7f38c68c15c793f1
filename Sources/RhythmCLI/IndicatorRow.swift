import Foundation
import RhythmCore

/// One indicator as `rhythm indicator list` shows it: the latest recorded value with its
/// trend and track, and the data its next review is waiting for.
struct IndicatorRow {
    let indicator: Indicator
    /// The standing of the latest recorded period (trend against the one before it).
    let latest: IndicatorStanding?
    /// The standing for the period the next review looks at.
    let review: IndicatorStanding
    /// The next review meeting, when the indicator has a review series.
    let reviewOccurrence: Occurrence?

    static func rows(initiative: Initiative, results: [IndicatorResult], now: Date) -> [IndicatorRow] {
        let today = initiative.timeZone.wallClock(at: now).date
        let schedule = Schedule(initiative: initiative)
        return initiative.indicators.map { indicator in
            let occurrence = indicator.reviewSeriesID
                .flatMap { id in initiative.series.first { $0.id == id } }
                .flatMap { series in
                    schedule.occurrences(of: [series], in: DateInterval(start: now, duration: 800 * 86_400)).first {
                        if case .cancelled = $0.status { return false }
                        return true
                    }
                }
            let review = IndicatorStanding(
                indicator: indicator, initiative: initiative, results: results,
                reviewDate: occurrence?.localStart.date, today: today)
            // The standing "reviewed" the day after the latest period ends is that period's.
            let latest = results.filter { $0.indicatorID == indicator.id }.max { $0.period < $1.period }.map {
                IndicatorStanding(
                    indicator: indicator, initiative: initiative, results: results,
                    reviewDate: $0.period.lastDay.adding(days: 1), today: today)
            }
            return IndicatorRow(indicator: indicator, latest: latest, review: review, reviewOccurrence: occurrence)
        }
    }

    /// `91% (2027-Q1)` or `92 young people`.
    static func quantity(_ value: Double, _ indicator: Indicator) -> String {
        let rounded = (value * 100).rounded() / 100
        let number = rounded == rounded.rounded() && abs(rounded) < 1e15 ? String(Int(rounded)) : String(rounded)
        if indicator.unit.isEmpty { return number }
        return indicator.unit == "%" ? number + "%" : "\(number) \(indicator.unit)"
    }

    /// Whether the review is still owed the data, as a phrase naming the owner.
    var dataText: String {
        let due = review.dueDate.map { ", due \(OccurrenceText.dayAndDate($0))" } ?? ""
        switch review.data {
        case .recorded: return "\(review.period) recorded"
        case .missing: return "\(review.period) missing from \(review.ownerName)\(due)"
        case .late: return "\(review.period) LATE from \(review.ownerName)\(due)"
        }
    }

    static func text(_ rows: [IndicatorRow]) -> String {
        if rows.isEmpty { return "No indicators are defined in the configuration." }
        return rows.map { row in
            let indicator = row.indicator
            var lines = ["\(indicator.id)  \(indicator.name)"]
            var facts: [String] = []
            if let latest = row.latest, let value = latest.value {
                facts.append("latest \(quantity(value, indicator)) (\(latest.period))")
            } else {
                facts.append("no value recorded")
            }
            let direction = indicator.direction == .higherIsBetter ? "higher is better" : "lower is better"
            facts.append(
                indicator.target.map { "target \(quantity($0, indicator)), \(direction)" } ?? "no target, \(direction)")
            if let latest = row.latest, let trend = latest.trend, let assessment = latest.assessment,
                let previous = latest.previousValue
            {
                facts.append(
                    "\(trend.rawValue), \(assessment.rawValue) than \(latest.previousPeriod) (\(quantity(previous, indicator)))"
                )
            }
            if let onTrack = row.latest?.isOnTrack { facts.append(onTrack ? "on track" : "off track") }
            lines.append("  " + facts.joined(separator: "; "))
            if let occurrence = row.reviewOccurrence {
                lines.append(
                    "  next review \(occurrence.series.id) \(OccurrenceText.dayAndDate(occurrence.localStart.date)): \(row.dataText)"
                )
            } else {
                lines.append("  no review planned: \(row.dataText)")
            }
            return lines.joined(separator: "\n")
        }.joined(separator: "\n\n")
    }

    /// The JSON form, for scripts: stable snake-case keys, numbers as numbers, periods as written.
    struct JSON: Encodable {
        struct Latest: Encodable {
            let period: String
            let value: Double
            let previousPeriod: String
            let previousValue: Double?
            let trend: String?
            let assessment: String?
            let onTrack: Bool?
        }

        struct Review: Encodable {
            let series: String?
            let date: String?
            let period: String
            let due: String?
            let data: String
        }

        let id: String
        let name: String
        let unit: String
        let direction: String
        let target: Double?
        let owner: String
        let ownerName: String
        let latest: Latest?
        let review: Review
    }

    static func json(_ rows: [IndicatorRow]) throws -> String {
        let entries = rows.map { row in
            JSON(
                id: row.indicator.id,
                name: row.indicator.name,
                unit: row.indicator.unit,
                direction: row.indicator.direction.rawValue,
                target: row.indicator.target,
                owner: row.indicator.ownerID,
                ownerName: row.review.ownerName,
                latest: row.latest.flatMap { latest in
                    latest.value.map {
                        JSON.Latest(
                            period: latest.period.description, value: $0,
                            previousPeriod: latest.previousPeriod.description, previousValue: latest.previousValue,
                            trend: latest.trend?.rawValue, assessment: latest.assessment?.rawValue,
                            onTrack: latest.isOnTrack)
                    }
                },
                review: JSON.Review(
                    series: row.reviewOccurrence?.series.id,
                    date: row.reviewOccurrence?.localStart.date.description,
                    period: row.review.period.description,
                    due: row.review.dueDate?.description,
                    data: {
                        switch row.review.data {
                        case .recorded: "recorded";
                        case .missing: "missing";
                        case .late: "late"
                        }
                    }()
                )
            )
        }
        return try JSONOutput.encoded(["indicators": entries])
    }
}
