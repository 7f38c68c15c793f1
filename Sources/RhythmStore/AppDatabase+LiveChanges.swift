import Foundation
import GRDB
import RhythmCore

extension AppDatabase {
    /// Checks `request` against the configuration file's initiative `file` and the live
    /// changes in force, and records it with its audit entry (and, when it asks to notify,
    /// the attendees' notices in the outbox), in one transaction, so two requests for the
    /// same meeting can never both pass and a notice is never lost or sent twice.
    ///
    /// - Throws: ``LiveChangeRequestError`` when the request is wrong (every problem, by
    ///   field), ``StoreError`` when the database fails.
    public func makeLiveChange(_ request: LiveChangeRequest, over file: Initiative, actor: String, now: Date) throws
        -> LiveChange
    {
        let outcome: Result<LiveChange, LiveChangeRequestError> = try write { db in
            let current = try Self.fetchLiveChanges(includingEnded: false, in: db)
            do throws(LiveChangeRequestError) {
                try request.check(over: file, current: current)
            } catch {
                return .failure(error)
            }
            let change = try Self.insertLiveChange(request, actor: actor, now: now, in: db)
            let notices = LiveChangeNotice.notices(for: change, in: file).map { Self.outboxEntry(for: $0, now: now) }
            _ = try Self.insert(notices, in: db, now: now)
            return .success(change)
        }
        return try outcome.get()
    }

    /// A notice as the outbox keeps it: due now, useful for a week, its words in the payload.
    private static func outboxEntry(for notice: LiveChangeNotice, now: Date) -> OutboxEntry {
        let payload = (try? JSONEncoder().encode(["subject": notice.subject, "text": notice.text]))
            .map { String(decoding: $0, as: UTF8.self) }
        return OutboxEntry(
            key: notice.key, channelID: notice.channelID, recipient: "person:\(notice.personID)", due: now,
            usefulUntil: now + 7 * 86_400, payload: payload, subject: notice.subject)
    }

    /// The live changes, oldest first: those in force, and with `includingEnded` the
    /// restored ones too (the history).
    public func liveChanges(includingEnded: Bool) throws(StoreError) -> [LiveChange] {
        try read { db in try Self.fetchLiveChanges(includingEnded: includingEnded, in: db) }
    }

    /// The live change with this id, in force or restored; nil if there is none.
    public func liveChange(id: Int64) throws(StoreError) -> LiveChange? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM occurrence_change WHERE id = ?", arguments: [id])
                .map(Self.liveChange(row:))
        }
    }

    /// Restores the meeting: ends the live change `id` (kept as history) and audits it.
    /// Returns the ended change; nil when no change with this id is in force.
    public func endLiveChange(id: Int64, actor: String, now: Date) throws(StoreError) -> LiveChange? {
        try write { db in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT * FROM occurrence_change WHERE id = ? AND ended_at IS NULL", arguments: [id])
            else { return nil }
            try db.execute(
                sql: "UPDATE occurrence_change SET ended_by = ?, ended_at = ? WHERE id = ?",
                arguments: [actor, now, id])
            var details = AuditDetails()
            details.record("status", old: .text("in-force"), new: .text("restored"))
            try Self.audit(
                entity: "occurrence-change", id: id, change: "updated", details: details, actor: actor, now: now, in: db
            )
            let old = Self.liveChange(row: row)
            return LiveChange(
                id: old.id, seriesID: old.seriesID, kind: old.kind, actor: old.actor, createdAt: old.createdAt,
                endedAt: now, endedBy: actor, notifiesAttendees: old.notifiesAttendees)
        }
    }

    private static func insertLiveChange(_ request: LiveChangeRequest, actor: String, now: Date, in db: Database)
        throws -> LiveChange
    {
        let columns = StoredKind(request.kind)
        try db.execute(
            sql: """
                INSERT INTO occurrence_change (series_id, kind, occurrence_date, new_start, location, online_url, reason,
                    notify, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                request.seriesID, request.kind.name, request.kind.date.description, columns.start?.description,
                columns.location, columns.onlineURL?.absoluteString, request.kind.reason, request.notifiesAttendees,
                actor, now,
            ])
        let id = db.lastInsertedRowID
        var details = AuditDetails()
        details.record("series_id", old: .null, new: .text(request.seriesID))
        details.record("kind", old: .null, new: .text(request.kind.name))
        details.record("occurrence_date", old: .null, new: .init(request.kind.date))
        details.record("start", old: .null, new: .init(columns.start?.description))
        details.record("location", old: .null, new: .init(columns.location))
        details.record("online_url", old: .null, new: .init(columns.onlineURL?.absoluteString))
        details.record("reason", old: .null, new: .init(request.kind.reason))
        try audit(
            entity: "occurrence-change", id: id, change: "created", details: details, actor: actor, now: now, in: db)
        return LiveChange(
            id: id, seriesID: request.seriesID, kind: request.kind, actor: actor, createdAt: now,
            notifiesAttendees: request.notifiesAttendees)
    }

    private static func fetchLiveChanges(includingEnded: Bool, in db: Database) throws -> [LiveChange] {
        let filter = includingEnded ? "" : "WHERE ended_at IS NULL"
        return try Row.fetchAll(db, sql: "SELECT * FROM occurrence_change \(filter) ORDER BY id")
            .map(liveChange(row:))
    }

    private static func liveChange(row: Row) -> LiveChange {
        let date = LocalDate(iso: row["occurrence_date"] as String) ?? LocalDate(dayNumber: 0)
        let start = (row["new_start"] as String?).flatMap { LocalDateTime(iso: $0) }
        let location: String? = row["location"]
        let url = (row["online_url"] as String?).flatMap(URL.init(string:))
        let reason: String? = row["reason"]
        let kind: LiveChange.Kind =
            switch row["kind"] as String {
            case "cancel": .cancel(originalDate: date, reason: reason)
            case "extra":
                .extra(start: start ?? LocalDateTime(date: date, time: .midnight), location: location, reason: reason)
            default:
                .move(
                    originalDate: date,
                    OccurrenceChange(start: start, location: location, onlineMeetingURL: url, reason: reason))
            }
        return LiveChange(
            id: row["id"], seriesID: row["series_id"], kind: kind, actor: row["created_by"],
            createdAt: row["created_at"],
            endedAt: row["ended_at"], endedBy: row["ended_by"], notifiesAttendees: row["notify"])
    }

    /// The columns a kind fills besides its date and reason.
    private struct StoredKind {
        var start: LocalDateTime?
        var location: String?
        var onlineURL: URL?

        init(_ kind: LiveChange.Kind) {
            switch kind {
            case .cancel: break
            case .move(_, let change):
                (start, location, onlineURL) = (change.start, change.location, change.onlineMeetingURL)
            case .extra(let start, let location, _):
                (self.start, self.location) = (start, location)
            }
        }
    }
}
