import Foundation
import GRDB
import RhythmCore

extension AppDatabase {
    /// Records `personID`'s answer for the occurrence of `seriesID` the rule put on
    /// `occurrenceDate`, replacing an earlier answer (the audit trail keeps it).
    ///
    /// Whether the series, the occurrence, the person and the delegate exist, and whether
    /// the delegate belongs to the person's partner, is the caller's question. An answer given
    /// here is newer than any calendar reply: it forgets the reply's stamp, so only a reply
    /// stamped after `now` replaces it (see ``applyCalendarReply(_:actor:now:)``).
    public func setAttendance(
        seriesID: String, occurrenceDate: LocalDate, personID: String, response: Attendance.Response, note: String?,
        delegateID: String?, actor: String, now: Date
    ) throws(StoreError) -> Attendance {
        if delegateID != nil, response != .apologies {
            throw StoreError(code: .invalidValue, description: "only apologies can name a colleague who comes instead")
        }
        return try write { db in
            let old = try Self.fetchAttendance(
                seriesID: seriesID, occurrenceDate: occurrenceDate, personID: personID, in: db)
            if let old {
                try db.execute(
                    sql: """
                        UPDATE attendance SET response = ?, note = ?, delegate_id = ?, answered_by = ?, answered_at = ?,
                            reply_stamp = NULL, reply_sequence = NULL
                        WHERE id = ?
                        """,
                    arguments: [response.rawValue, note, delegateID, actor, now, old.id])
            } else {
                try db.execute(
                    sql: """
                        INSERT INTO attendance (series_id, occurrence_date, person_id, response, note, delegate_id,
                            answered_by, answered_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        seriesID, occurrenceDate.description, personID, response.rawValue, note, delegateID, actor, now,
                    ])
            }
            guard
                let new = try Self.fetchAttendance(
                    seriesID: seriesID, occurrenceDate: occurrenceDate, personID: personID, in: db)
            else { throw DatabaseError(resultCode: .SQLITE_INTERNAL, message: "attendance lost a row") }
            try Self.audit(
                entity: "attendance", id: new.id, change: old == nil ? "created" : "updated",
                details: Self.attendanceChanges(from: old, to: new), actor: actor, now: now, in: db)
            return new
        }
    }

    /// Removes the answer `id`, as when an answer is undone and none was given before;
    /// returns whether there was one.
    public func deleteAttendance(id: Int64, actor: String, now: Date) throws(StoreError) -> Bool {
        try write { db in
            guard
                let old = try Row.fetchOne(db, sql: "SELECT * FROM attendance WHERE id = ?", arguments: [id])
                    .map(Attendance.init(row:))
            else { return false }
            try db.execute(sql: "DELETE FROM attendance WHERE id = ?", arguments: [id])
            try Self.audit(
                entity: "attendance", id: id, change: "deleted", details: Self.attendanceChanges(from: old, to: nil),
                actor: actor, now: now, in: db)
            return true
        }
    }

    /// The answers for one occurrence, or for every occurrence of `seriesID` when
    /// `occurrenceDate` is nil, or every answer when both are nil; by date, then person.
    public func attendance(seriesID: String?, occurrenceDate: LocalDate?) throws(StoreError) -> [Attendance] {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let seriesID {
            conditions.append("series_id = ?")
            arguments += [seriesID]
        }
        if let occurrenceDate {
            conditions.append("occurrence_date = ?")
            arguments += [occurrenceDate.description]
        }
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        return try read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM attendance \(filter) ORDER BY occurrence_date, series_id, person_id",
                arguments: arguments
            ).map(Attendance.init(row:))
        }
    }

    /// `personID`'s answers for occurrences on or after `from`, by date.
    public func attendance(personID: String, from: LocalDate) throws(StoreError) -> [Attendance] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT * FROM attendance WHERE person_id = ? AND occurrence_date >= ?
                    ORDER BY occurrence_date, series_id
                    """,
                arguments: [personID, from.description]
            ).map(Attendance.init(row:))
        }
    }

    static func fetchAttendance(
        seriesID: String, occurrenceDate: LocalDate, personID: String, in db: Database
    ) throws -> Attendance? {
        try Row.fetchOne(
            db, sql: "SELECT * FROM attendance WHERE series_id = ? AND occurrence_date = ? AND person_id = ?",
            arguments: [seriesID, occurrenceDate.description, personID]
        ).map(Attendance.init(row:))
    }

    static func attendanceChanges(from old: Attendance?, to new: Attendance?) -> AuditDetails {
        var details = AuditDetails()
        details.record("series_id", old: AuditDetails.Value(old?.seriesID), new: AuditDetails.Value(new?.seriesID))
        details.record(
            "occurrence_date", old: AuditDetails.Value(old?.occurrenceDate),
            new: AuditDetails.Value(new?.occurrenceDate))
        details.record("person_id", old: AuditDetails.Value(old?.personID), new: AuditDetails.Value(new?.personID))
        details.record(
            "response", old: AuditDetails.Value(old?.response.rawValue), new: AuditDetails.Value(new?.response.rawValue)
        )
        details.record("note", old: AuditDetails.Value(old?.note), new: AuditDetails.Value(new?.note))
        details.record(
            "delegate_id", old: AuditDetails.Value(old?.delegateID), new: AuditDetails.Value(new?.delegateID))
        return details
    }
}

extension Attendance {
    /// Reads an `attendance` row.
    init(row: Row) throws {
        let response: String = row["response"]
        guard let response = Response(rawValue: response), let date = try LocalDate(column: "occurrence_date", of: row)
        else { throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "attendance holds an unreadable row") }
        self.init(
            id: row["id"], seriesID: row["series_id"], occurrenceDate: date, personID: row["person_id"],
            response: response, note: row["note"], delegateID: row["delegate_id"], answeredBy: row["answered_by"],
            answeredAt: row["answered_at"])
    }
}
