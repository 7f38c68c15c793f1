import GRDB
import RhythmCore

extension AppDatabase {
    /// The answers `filter` matches, by occurrence date, then series, then person, one page
    /// of them.
    public func attendance(matching filter: AttendanceFilter) throws(StoreError) -> [Attendance] {
        let (condition, arguments) = Self.sql(for: filter)
        return try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT * FROM attendance \(condition)
                    ORDER BY occurrence_date, series_id, person_id LIMIT ? OFFSET ?
                    """,
                arguments: arguments + [max(filter.limit, 0), max(filter.offset, 0)]
            ).map(Attendance.init(row:))
        }
    }

    /// How many answers `filter` matches, regardless of its limit and offset.
    public func countAttendance(matching filter: AttendanceFilter) throws(StoreError) -> Int {
        let (condition, arguments) = Self.sql(for: filter)
        return try read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM attendance \(condition)", arguments: arguments) ?? 0
        }
    }

    private static func sql(for filter: AttendanceFilter) -> (String, StatementArguments) {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let seriesID = filter.seriesID {
            conditions.append("series_id = ?")
            arguments += [seriesID]
        }
        if let date = filter.occurrenceDate {
            conditions.append("occurrence_date = ?")
            arguments += [date.description]
        }
        if let personID = filter.personID {
            conditions.append("person_id = ?")
            arguments += [personID]
        }
        if let people = filter.personIDs {
            let sorted = people.sorted()
            conditions.append(
                sorted.isEmpty
                    ? "0" : "person_id IN (\(Array(repeating: "?", count: sorted.count).joined(separator: ", ")))")
            arguments += StatementArguments(sorted)
        }
        return (conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "), arguments)
    }
}
