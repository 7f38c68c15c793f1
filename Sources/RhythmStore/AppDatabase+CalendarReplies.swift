import Foundation
import GRDB
import RhythmCore

extension AppDatabase {
    /// Records an answer from a calendar reply, unless the stored answer is newer.
    ///
    /// Replies arrive late and out of order (a person may press Accept, then Decline, and the
    /// two messages cross), so each answer keeps the DTSTAMP and SEQUENCE of the reply it
    /// came from. A reply replaces the stored answer only when it was written later: a later
    /// DTSTAMP, or the same DTSTAMP and a higher SEQUENCE. An answer given any other way has
    /// no stamp, and counts as written when it was recorded. The check and the write are one
    /// transaction, audited like every other answer.
    public func applyCalendarReply(
        _ reply: CalendarReplyAnswer, actor: String, now: Date
    ) throws(StoreError) -> CalendarReplyResult {
        if reply.delegateID != nil, reply.response != .apologies {
            throw StoreError(code: .invalidValue, description: "only apologies can name a colleague who comes instead")
        }
        return try write { db in
            let old = try Self.fetchAttendance(
                seriesID: reply.seriesID, occurrenceDate: reply.occurrenceDate, personID: reply.personID, in: db)
            if let old, let stored = try Self.replyOrder(ofAttendance: old.id, in: db) {
                let incoming = (reply.stamp, reply.sequence)
                if incoming.0 < stored.stamp || (incoming.0 == stored.stamp && incoming.1 <= (stored.sequence ?? -1)) {
                    return .older(than: old)
                }
            }
            if let old {
                try db.execute(
                    sql: """
                        UPDATE attendance SET response = ?, note = ?, delegate_id = ?, answered_by = ?, answered_at = ?,
                            reply_stamp = ?, reply_sequence = ?
                        WHERE id = ?
                        """,
                    arguments: [
                        reply.response.rawValue, reply.note, reply.delegateID, actor, now, reply.stamp, reply.sequence,
                        old.id,
                    ])
            } else {
                try db.execute(
                    sql: """
                        INSERT INTO attendance (series_id, occurrence_date, person_id, response, note, delegate_id,
                            answered_by, answered_at, reply_stamp, reply_sequence)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        reply.seriesID, reply.occurrenceDate.description, reply.personID, reply.response.rawValue,
                        reply.note, reply.delegateID, actor, now, reply.stamp, reply.sequence,
                    ])
            }
            guard
                let new = try Self.fetchAttendance(
                    seriesID: reply.seriesID, occurrenceDate: reply.occurrenceDate, personID: reply.personID, in: db)
            else { throw DatabaseError(resultCode: .SQLITE_INTERNAL, message: "attendance lost a row") }
            try Self.audit(
                entity: "attendance", id: new.id, change: old == nil ? "created" : "updated",
                details: Self.attendanceChanges(from: old, to: new), actor: actor, now: now, in: db)
            return .applied(new, previous: old)
        }
    }

    /// When the stored answer `id` was written, as replies are ordered: its reply's DTSTAMP
    /// and SEQUENCE, or the time it was recorded (and no sequence) for any other answer.
    private static func replyOrder(ofAttendance id: Int64, in db: Database) throws -> (stamp: Date, sequence: Int?)? {
        guard
            let row = try Row.fetchOne(
                db, sql: "SELECT reply_stamp, reply_sequence, answered_at FROM attendance WHERE id = ?",
                arguments: [id])
        else { return nil }
        if let stamp: Date = row["reply_stamp"] {
            return (stamp, row["reply_sequence"])
        }
        return (row["answered_at"], nil)
    }
}
