import RhythmCore

/// One indicator's values over its last reporting periods, against its target.
public struct IndicatorTrend: Hashable, Sendable, Identifiable {
    /// One period and its value, nil when nobody recorded it.
    public struct Point: Hashable, Sendable {
        /// The reporting period.
        public let period: ReportingPeriod
        /// Its recorded value.
        public let value: Double?
    }

    /// The indicator, with its unit, direction and target.
    public let indicator: Indicator
    /// The last `periodCount` periods, oldest first: up to the current one when its value is
    /// in, else up to the one before.
    public let points: [Point]

    /// The indicator's id.
    public var id: String { indicator.id }

    /// How many periods the chart shows.
    static let periodCount = 6

    init(indicator: Indicator, results: [IndicatorResult], today: LocalDate) {
        let own = Dictionary(
            results.filter { $0.indicatorID == indicator.id && $0.period.kind == indicator.reportingPeriod }
                .map { ($0.period, $0.value) }
        ) { _, last in last }
        let current = ReportingPeriod.containing(today, kind: indicator.reportingPeriod)
        var period = own[current] == nil ? current.previous : current
        var points: [Point] = []
        for _ in 0..<Self.periodCount {
            points.insert(Point(period: period, value: own[period]), at: 0)
            period = period.previous
        }
        self.indicator = indicator
        self.points = points
    }
}
