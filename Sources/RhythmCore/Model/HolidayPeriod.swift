/// A public holiday or a shutdown period during which the initiative does not meet.
///
/// The dates are read in each meeting's own zone: a shutdown from 21 December to
/// 8 January covers those local days wherever a series is held.
public struct HolidayPeriod: Hashable, Sendable, Identifiable {
    public let id: String
    public var name: String
    public var firstDay: LocalDate
    public var lastDay: LocalDate

    public init(id: String, name: String, firstDay: LocalDate, lastDay: LocalDate) {
        self.id = id
        self.name = name
        self.firstDay = firstDay
        self.lastDay = lastDay
    }

    /// Whether `date` falls within the period, both ends included.
    public func contains(_ date: LocalDate) -> Bool {
        firstDay <= date && date <= lastDay
    }
}
