import Foundation

/// A reporting period as people write it: `2027-03` (a month), `2027-Q1` (a quarter),
/// `2027-H1` (a half-year) or `2027` (a year).
public struct ReportingPeriod: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let kind: Indicator.ReportingPeriod
    public let year: Int
    /// 1-based: the month, quarter or half within the year; 1 for a year.
    public let index: Int

    public init?(kind: Indicator.ReportingPeriod, year: Int, index: Int) {
        guard (1...9999).contains(year), (1...kind.periodsPerYear).contains(index) else { return nil }
        self.kind = kind
        self.year = year
        self.index = index
    }

    /// Reads `2027-03`, `2027-Q1`, `2027-H1` or `2027` (letters in either case).
    public init?(parsing text: String) {
        let parts = text.uppercased().split(separator: "-", omittingEmptySubsequences: false)
        guard let year = parts.first.flatMap({ Int($0) }), parts[0].count == 4 else { return nil }
        switch parts.count {
        case 1:
            self.init(kind: .year, year: year, index: 1)
        case 2 where parts[1].hasPrefix("Q"):
            guard let index = Int(parts[1].dropFirst()) else { return nil }
            self.init(kind: .quarter, year: year, index: index)
        case 2 where parts[1].hasPrefix("H"):
            guard let index = Int(parts[1].dropFirst()) else { return nil }
            self.init(kind: .halfYear, year: year, index: index)
        case 2 where parts[1].count == 2:
            guard let index = Int(parts[1]) else { return nil }
            self.init(kind: .month, year: year, index: index)
        default:
            return nil
        }
    }

    /// The period before this one, of the same kind.
    public var previous: ReportingPeriod {
        index > 1
            ? ReportingPeriod(uncheckedKind: kind, year: year, index: index - 1)
            : ReportingPeriod(uncheckedKind: kind, year: year - 1, index: kind.periodsPerYear)
    }

    /// The first day of the period.
    public var firstDay: LocalDate {
        LocalDate(uncheckedYear: year, month: (index - 1) * kind.monthsPerPeriod + 1, day: 1)
    }

    /// The last day of the period.
    public var lastDay: LocalDate {
        let month = index * kind.monthsPerPeriod
        return LocalDate(uncheckedYear: year, month: month, day: LocalDate.daysIn(month: month, year: year))
    }

    /// Whether the period has begun by `today` (a date on the initiative's clock). A value
    /// for a period that has not begun cannot be real, yet it would become the indicator's
    /// latest value, so it is refused wherever values are recorded.
    public func hasStarted(by today: LocalDate) -> Bool {
        firstDay <= today
    }

    /// Why a value for this period cannot be recorded yet, for people who typed it.
    public func notStartedExplanation(today: LocalDate, zone: TimeZone) -> String {
        "The period \(self) has not started: it begins on \(firstDay), and today is \(today) in "
            + "\(zone.identifier). Record its value once the period has begun."
    }

    /// The period of `kind` that contains `date`.
    public static func containing(_ date: LocalDate, kind: Indicator.ReportingPeriod) -> ReportingPeriod {
        ReportingPeriod(uncheckedKind: kind, year: date.year, index: (date.month - 1) / kind.monthsPerPeriod + 1)
    }

    public var description: String {
        switch kind {
        case .month: "\(year)-\(index < 10 ? "0" : "")\(index)"
        case .quarter: "\(year)-Q\(index)"
        case .halfYear: "\(year)-H\(index)"
        case .year: "\(year)"
        }
    }

    public static func < (lhs: ReportingPeriod, rhs: ReportingPeriod) -> Bool {
        lhs.firstDay != rhs.firstDay ? lhs.firstDay < rhs.firstDay : lhs.lastDay < rhs.lastDay
    }

    private init(uncheckedKind kind: Indicator.ReportingPeriod, year: Int, index: Int) {
        self.kind = kind
        self.year = year
        self.index = index
    }
}

extension Indicator.ReportingPeriod {
    /// 12, 4, 2 or 1.
    public var periodsPerYear: Int { 12 / monthsPerPeriod }

    /// 1, 3, 6 or 12.
    public var monthsPerPeriod: Int {
        switch self {
        case .month: 1
        case .quarter: 3
        case .halfYear: 6
        case .year: 12
        }
    }
}
