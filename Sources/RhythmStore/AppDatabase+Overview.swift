import Foundation
import GRDB
import RhythmCore

extension AppDatabase {
    /// Everything a summary of the rhythm reads, in one read transaction: answers for
    /// occurrences from `answersFrom`, actions open or changed since `actionsChangedSince`
    /// (with when the closed ones were closed), every indicator result, agenda items for
    /// occurrences from `itemsFrom`, the outbox counts, and up to `listLimit` held and dead
    /// entries, and the bouncing addresses.
    public func overview(
        answersFrom: LocalDate, actionsChangedSince: Date, itemsFrom: LocalDate, listLimit: Int
    ) throws(StoreError) -> StoreOverview {
        try read { db in
            let actions = try Row.fetchAll(
                db,
                sql: "SELECT * FROM action WHERE status NOT IN ('done', 'dropped') OR updated_at >= ? ORDER BY id",
                arguments: [actionsChangedSince]
            ).map(Action.init(row:))
            // The last change that set the status to done or dropped; a reopened action is open
            // again, so its closing no longer matters.
            var closedAt: [Int64: Date] = [:]
            for action in actions where !action.status.isOpen {
                closedAt[action.id] = action.updatedAt
            }
            let closings = try Row.fetchAll(
                db,
                sql: """
                    SELECT entity_id, MAX(at) AS closed_at FROM audit_entry
                    WHERE entity = 'action' AND json_extract(details, '$.status.new') IN ('done', 'dropped')
                    GROUP BY entity_id
                    """)
            for row in closings {
                let id: Int64 = row["entity_id"]
                if closedAt[id] != nil { closedAt[id] = row["closed_at"] }
            }
            var counts: [OutboxStatus: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT status, COUNT(*) AS n FROM outbox_entry GROUP BY status") {
                if let status = OutboxStatus(rawValue: row["status"]) { counts[status] = row["n"] }
            }
            return StoreOverview(
                attendance: try Row.fetchAll(
                    db,
                    sql: """
                        SELECT * FROM attendance WHERE occurrence_date >= ?
                        ORDER BY occurrence_date, series_id, person_id
                        """,
                    arguments: [answersFrom.description]
                ).map(Attendance.init(row:)),
                actions: actions,
                closedAt: closedAt,
                indicatorResults: try Row.fetchAll(
                    db, sql: "SELECT * FROM indicator_result ORDER BY indicator_id, period_start, id"
                ).map(IndicatorResult.init(row:)),
                agendaItems: try Row.fetchAll(
                    db, sql: "SELECT * FROM agenda_item WHERE occurrence_date >= ? ORDER BY created_at, id",
                    arguments: [itemsFrom.description]
                ).map(AgendaItem.init(row:)),
                outboxCounts: counts,
                heldCount: try Int.fetchOne(
                    db, sql: "SELECT COUNT(*) FROM outbox_entry WHERE status = 'pending' AND held = 1") ?? 0,
                heldEntries: try Row.fetchAll(
                    db,
                    sql:
                        "SELECT * FROM outbox_entry WHERE status = 'pending' AND held = 1 ORDER BY updated_at, id LIMIT ?",
                    arguments: [max(listLimit, 0)]
                ).map(OutboxEntry.init(row:)),
                deadEntries: try Row.fetchAll(
                    db,
                    sql: "SELECT * FROM outbox_entry WHERE status = 'dead' ORDER BY updated_at DESC, id DESC LIMIT ?",
                    arguments: [max(listLimit, 0)]
                ).map(OutboxEntry.init(row:)),
                bouncingAddresses: try Row.fetchAll(
                    db, sql: "SELECT * FROM address_bounce WHERE bouncing_since IS NOT NULL ORDER BY address"
                ).map(AddressBounce.init(row:)))
        }
    }
}
