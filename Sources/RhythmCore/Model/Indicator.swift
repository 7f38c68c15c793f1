/// A shared measure that every partner reports the same way, reviewed against a target.
public struct Indicator: Hashable, Sendable, Identifiable {
    /// Which way is better.
    public enum Direction: String, CaseIterable, Hashable, Sendable {
        case higherIsBetter = "higher-is-better"
        case lowerIsBetter = "lower-is-better"
    }

    /// How often results are reported.
    public enum ReportingPeriod: String, CaseIterable, Hashable, Sendable {
        case month
        case quarter
        case halfYear = "half-year"
        case year
    }

    public let id: String
    public var name: String
    public var description: String?
    /// The unit a value is written in, such as `%` or `young people`.
    public var unit: String
    public var direction: Direction
    public var target: Double?
    /// The person who supplies the data.
    public var ownerID: String
    public var reportingPeriod: ReportingPeriod
    /// The review series that looks at this indicator.
    public var reviewSeriesID: String?
    /// How many business days before the review the data is due.
    public var dueBusinessDaysBeforeReview: Int

    public init(
        id: String,
        name: String,
        description: String? = nil,
        unit: String,
        direction: Direction,
        target: Double? = nil,
        ownerID: String,
        reportingPeriod: ReportingPeriod,
        reviewSeriesID: String? = nil,
        dueBusinessDaysBeforeReview: Int = 5
    ) {
        self.id = id
        self.name = name
        self.description = description
        self.unit = unit
        self.direction = direction
        self.target = target
        self.ownerID = ownerID
        self.reportingPeriod = reportingPeriod
        self.reviewSeriesID = reviewSeriesID
        self.dueBusinessDaysBeforeReview = dueBusinessDaysBeforeReview
    }
}
