import Foundation
import GRDB
import RhythmCore

extension AppDatabase {
    /// Keeps a time an attendee proposed, for the organiser to see; returns it with its id.
    ///
    /// A proposal changes nothing else, so it is not in the audit trail: the row itself says
    /// who proposed what, when it was received and when it was dismissed.
    public func recordCalendarProposal(_ proposal: NewCalendarProposal, now: Date) throws(StoreError)
        -> CalendarProposal
    {
        try write { db in
            try db.execute(
                sql: """
                    INSERT INTO calendar_proposal (series_id, occurrence_date, person_id, proposed_start,
                        proposed_end, comment, stamp, message_id, received_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    proposal.seriesID, proposal.occurrenceDate?.description, proposal.personID,
                    proposal.proposedStart, proposal.proposedEnd, proposal.comment, proposal.stamp,
                    proposal.messageID, now,
                ])
            guard let recorded = try Self.fetchCalendarProposal(id: db.lastInsertedRowID, in: db) else {
                throw DatabaseError(resultCode: .SQLITE_INTERNAL, message: "calendar_proposal lost a row")
            }
            return recorded
        }
    }

    /// The proposals, oldest first: those waiting, or also the dismissed ones; of one series
    /// or of all.
    public func calendarProposals(seriesID: String?, includeDismissed: Bool) throws(StoreError) -> [CalendarProposal] {
        try read { db in
            var conditions: [String] = []
            var arguments: StatementArguments = []
            if let seriesID {
                conditions.append("series_id = ?")
                arguments += [seriesID]
            }
            if !includeDismissed {
                conditions.append("dismissed_at IS NULL")
            }
            let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            return try Row.fetchAll(
                db, sql: "SELECT * FROM calendar_proposal \(filter) ORDER BY received_at, id", arguments: arguments
            ).map(CalendarProposal.init(row:))
        }
    }

    /// Marks the proposal `id` as dealt with, so that it no longer waits; returns it as it is
    /// afterwards (a proposal dismissed before keeps its first time), or nil when there is no
    /// proposal `id`.
    public func dismissCalendarProposal(id: Int64, now: Date) throws(StoreError) -> CalendarProposal? {
        try write { db in
            try db.execute(
                sql: "UPDATE calendar_proposal SET dismissed_at = ? WHERE id = ? AND dismissed_at IS NULL",
                arguments: [now, id])
            return try Self.fetchCalendarProposal(id: id, in: db)
        }
    }

    private static func fetchCalendarProposal(id: Int64, in db: Database) throws -> CalendarProposal? {
        try Row.fetchOne(db, sql: "SELECT * FROM calendar_proposal WHERE id = ?", arguments: [id])
            .map(CalendarProposal.init(row:))
    }
}

extension CalendarProposal {
    /// Reads a `calendar_proposal` row.
    init(row: Row) throws {
        self.init(
            id: row["id"], seriesID: row["series_id"],
            occurrenceDate: try LocalDate(column: "occurrence_date", of: row),
            personID: row["person_id"], proposedStart: row["proposed_start"], proposedEnd: row["proposed_end"],
            comment: row["comment"], stamp: row["stamp"], messageID: row["message_id"], receivedAt: row["received_at"],
            dismissedAt: row["dismissed_at"])
    }
}
