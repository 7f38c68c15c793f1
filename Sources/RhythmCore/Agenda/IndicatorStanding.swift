/// Where one shared indicator stands for the period a review looks at: its value against
/// the target and against the period before, or, when nobody has reported it yet, who
/// owes the number and whether it is already late.
///
/// Used for the scorecard of indicator-review agendas and by `rhythm indicator list`.
public struct IndicatorStanding: Hashable, Sendable, Identifiable {
    /// Which way a value moved since the previous period.
    public enum Trend: String, Hashable, Sendable {
        case up
        case down
        case flat
    }

    /// Whether a movement is good news, given the indicator's direction.
    public enum TrendAssessment: String, Hashable, Sendable {
        case better
        case worse
        case unchanged
    }

    /// Whether the value for the reviewed period is in.
    public enum Data: Hashable, Sendable {
        /// Reported.
        case recorded
        /// Not reported, and not yet due (or there is no due date).
        case missing
        /// Not reported, and the due date has passed.
        case late
    }

    public var indicator: Indicator
    public var ownerName: String
    /// The period the review looks at: the last one complete before the review date.
    public var period: ReportingPeriod
    public var value: Double?
    public var note: String?
    public var previousPeriod: ReportingPeriod
    public var previousValue: Double?
    /// The most recent value recorded for any period up to the reviewed one, so a list
    /// can still show a number while the reviewed period is missing.
    public var latest: IndicatorResult?
    /// The last day the owner can supply the value in time for the review; nil when no
    /// review is planned.
    public var dueDate: LocalDate?
    public var data: Data

    public init(
        indicator: Indicator,
        ownerName: String,
        period: ReportingPeriod,
        value: Double?,
        note: String?,
        previousPeriod: ReportingPeriod,
        previousValue: Double?,
        latest: IndicatorResult?,
        dueDate: LocalDate?,
        data: Data
    ) {
        self.indicator = indicator
        self.ownerName = ownerName
        self.period = period
        self.value = value
        self.note = note
        self.previousPeriod = previousPeriod
        self.previousValue = previousValue
        self.latest = latest
        self.dueDate = dueDate
        self.data = data
    }

    public var id: String { indicator.id }

    /// The standing of `indicator` for a review held on `reviewDate` (or, without one, for
    /// the last period complete before `today`), from every recorded result.
    ///
    /// The value is due `dueBusinessDaysBeforeReview` business days before the review;
    /// it is late once `today` is past that day.
    public init(
        indicator: Indicator,
        initiative: Initiative,
        results: [IndicatorResult],
        reviewDate: LocalDate?,
        today: LocalDate
    ) {
        let period = ReportingPeriod.containing(reviewDate ?? today, kind: indicator.reportingPeriod).previous
        let own = results.filter { $0.indicatorID == indicator.id && $0.period.kind == indicator.reportingPeriod }
        let current = own.last { $0.period == period }
        let previous = own.last { $0.period == period.previous }
        let dueDate = reviewDate.map {
            BusinessCalendar(holidays: initiative.holidays).date(
                businessDays: indicator.dueBusinessDaysBeforeReview, before: $0)
        }
        let data: Data
        if current != nil {
            data = .recorded
        } else if let dueDate, dueDate < today {
            data = .late
        } else {
            data = .missing
        }
        self.init(
            indicator: indicator,
            ownerName: initiative.people.first { $0.id == indicator.ownerID }?.name ?? indicator.ownerID,
            period: period,
            value: current?.value,
            note: current?.note,
            previousPeriod: period.previous,
            previousValue: previous?.value,
            latest: own.filter { $0.period <= period }.max { $0.period < $1.period },
            dueDate: dueDate,
            data: data
        )
    }

    /// Up, down or flat since the previous period; nil unless both values are in.
    public var trend: Trend? {
        guard let value, let previousValue else { return nil }
        if abs(value - previousValue) < 1e-9 { return .flat }
        return value > previousValue ? .up : .down
    }

    /// Whether the trend is good news: up is better for a higher-is-better indicator.
    public var assessment: TrendAssessment? {
        guard let trend else { return nil }
        switch (trend, indicator.direction) {
        case (.flat, _): return .unchanged
        case (.up, .higherIsBetter), (.down, .lowerIsBetter): return .better
        case (.up, .lowerIsBetter), (.down, .higherIsBetter): return .worse
        }
    }

    /// Whether the value meets the target (at or past it in the better direction); nil
    /// without a value or a target.
    public var isOnTrack: Bool? {
        guard let value, let target = indicator.target else { return nil }
        switch indicator.direction {
        case .higherIsBetter: return value >= target - 1e-9
        case .lowerIsBetter: return value <= target + 1e-9
        }
    }
}
