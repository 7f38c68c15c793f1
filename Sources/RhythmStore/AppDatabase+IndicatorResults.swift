import Foundation
import GRDB
import RhythmCore

extension AppDatabase {
    /// Records the value of an indicator for a period, replacing the value already recorded
    /// for that period if there is one (the audit trail keeps the old value).
    ///
    /// Whether the period's kind suits the indicator is the caller's question: the store
    /// does not know the configuration.
    public func recordIndicatorResult(
        indicatorID: String, period: ReportingPeriod, value: Double, note: String?, actor: String, now: Date
    ) throws(StoreError) -> IndicatorResult {
        guard value.isFinite else {
            throw StoreError(code: .invalidValue, description: "an indicator value must be a finite number")
        }
        return try write { db in
            let old = try Row.fetchOne(
                db, sql: "SELECT * FROM indicator_result WHERE indicator_id = ? AND period = ?",
                arguments: [indicatorID, period.description]
            ).map(IndicatorResult.init(row:))
            let id: Int64
            if let old {
                id = old.id
                try db.execute(
                    sql:
                        "UPDATE indicator_result SET value = ?, note = ?, recorded_by = ?, recorded_at = ? WHERE id = ?",
                    arguments: [value, note, actor, now, id]
                )
            } else {
                try db.execute(
                    sql: """
                        INSERT INTO indicator_result (indicator_id, period, period_start, period_end, value, note,
                            recorded_by, recorded_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        indicatorID, period.description, period.firstDay.description, period.lastDay.description,
                        value, note, actor, now,
                    ]
                )
                id = db.lastInsertedRowID
            }
            guard let new = try Self.fetchIndicatorResult(id: id, in: db) else {
                throw DatabaseError(resultCode: .SQLITE_INTERNAL, message: "indicator_result lost a row")
            }
            var details = AuditDetails()
            details.record("indicator_id", old: AuditDetails.Value(old?.indicatorID), new: .text(new.indicatorID))
            details.record(
                "period", old: AuditDetails.Value(old?.period.description), new: .text(new.period.description))
            details.record("value", old: AuditDetails.Value(old?.value), new: .number(new.value))
            details.record("note", old: AuditDetails.Value(old?.note), new: AuditDetails.Value(new.note))
            details.record("recorded_by", old: AuditDetails.Value(old?.recordedBy), new: .text(new.recordedBy))
            try Self.audit(
                entity: "indicator-result", id: id, change: old == nil ? "created" : "updated", details: details,
                actor: actor, now: now, in: db)
            return new
        }
    }

    /// The indicator result with this id; nil if there is none.
    public func indicatorResult(id: Int64) throws(StoreError) -> IndicatorResult? {
        try read { db in try Self.fetchIndicatorResult(id: id, in: db) }
    }

    /// The results of one indicator (nil for all), newest period first, then by indicator id.
    public func indicatorResults(indicatorID: String?, limit: Int, offset: Int) throws(StoreError)
        -> [IndicatorResult]
    {
        let condition = indicatorID == nil ? "" : "WHERE indicator_id = ?"
        var arguments: StatementArguments = indicatorID.map { [$0] } ?? []
        arguments += [max(limit, 0), max(offset, 0)]
        return try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT * FROM indicator_result \(condition)
                    ORDER BY period_start DESC, period_end DESC, indicator_id, id LIMIT ? OFFSET ?
                    """,
                arguments: arguments
            ).map(IndicatorResult.init(row:))
        }
    }

    /// How many results `indicatorResults` would give without a limit.
    public func countIndicatorResults(indicatorID: String?) throws(StoreError) -> Int {
        let condition = indicatorID == nil ? "" : "WHERE indicator_id = ?"
        let arguments: StatementArguments = indicatorID.map { [$0] } ?? []
        return try read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM indicator_result \(condition)", arguments: arguments) ?? 0
        }
    }

    /// Every result, by indicator id, then newest period first: what scorecards are built from.
    public func allIndicatorResults() throws(StoreError) -> [IndicatorResult] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: "SELECT * FROM indicator_result ORDER BY indicator_id, period_start DESC, period_end DESC, id"
            ).map(IndicatorResult.init(row:))
        }
    }

    private static func fetchIndicatorResult(id: Int64, in db: Database) throws -> IndicatorResult? {
        try Row.fetchOne(db, sql: "SELECT * FROM indicator_result WHERE id = ?", arguments: [id])
            .map(IndicatorResult.init(row:))
    }
}

extension IndicatorResult {
    /// Reads an `indicator_result` row.
    init(row: Row) throws {
        let text: String = row["period"]
        guard let period = ReportingPeriod(parsing: text) else {
            throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "indicator_result holds an unreadable period")
        }
        self.init(
            id: row["id"], indicatorID: row["indicator_id"], period: period, value: row["value"], note: row["note"],
            recordedBy: row["recorded_by"], recordedAt: row["recorded_at"])
    }
}
