import Foundation

/// One reported value of a shared indicator for one reporting period.
///
/// Recording a value again for the same indicator and period replaces it (the audit trail
/// keeps the old one), so there is at most one current result per period.
public struct IndicatorResult: Hashable, Sendable, Identifiable {
    /// Assigned by the store; positive.
    public var id: Int64
    public var indicatorID: String
    public var period: ReportingPeriod
    public var value: Double
    public var note: String?
    /// Who recorded it.
    public var recordedBy: String
    public var recordedAt: Date

    public init(
        id: Int64,
        indicatorID: String,
        period: ReportingPeriod,
        value: Double,
        note: String? = nil,
        recordedBy: String,
        recordedAt: Date
    ) {
        self.id = id
        self.indicatorID = indicatorID
        self.period = period
        self.value = value
        self.note = note
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
    }
}
