import Foundation
import GRDB
import RhythmCore

extension AppDatabase {
    /// Records an item submitted by `actor`, at the end of its meeting's agenda, and its
    /// audit entry; returns it as stored.
    public func createAgendaItem(_ new: NewAgendaItem, actor: String, now: Date) throws(StoreError) -> AgendaItem {
        try Self.checkAgendaItem(title: new.title, minutes: new.minutes)
        return try write { db in
            let position =
                try Self.agendaOrder(seriesID: new.seriesID, occurrenceDate: new.occurrenceDate, in: db).count + 1
            try db.execute(
                sql: """
                    INSERT INTO agenda_item (series_id, occurrence_date, position, title, presenter_id, minutes, notes,
                        submitted_by, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    new.seriesID, new.occurrenceDate.description, position, new.title, new.presenterID, new.minutes,
                    new.notes, actor, now, now,
                ]
            )
            let id = db.lastInsertedRowID
            let item = try Self.storedAgendaItem(id: id, in: db)
            try Self.audit(
                entity: "agenda-item", id: id, change: "created", details: Self.agendaItemChanges(from: nil, to: item),
                actor: actor, now: now, in: db)
            return item
        }
    }

    /// The agenda item with this id, withdrawn or not; nil if there is none.
    public func agendaItem(id: Int64) throws(StoreError) -> AgendaItem? {
        try read { db in try Self.fetchAgendaItem(id: id, in: db) }
    }

    /// The agenda items of one series and/or one occurrence date (nil for any), by meeting
    /// and then in agenda order (see `AgendaItem.listedBefore`); withdrawn items only when
    /// `includingWithdrawn`, after those on the agenda.
    public func agendaItems(
        seriesID: String?, occurrenceDate: LocalDate?, includingWithdrawn: Bool = false, limit: Int, offset: Int
    ) throws(StoreError) -> [AgendaItem] {
        let (condition, arguments) = Self.agendaItemCondition(
            seriesID: seriesID, occurrenceDate: occurrenceDate, includingWithdrawn: includingWithdrawn)
        return try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT * FROM agenda_item \(condition)
                    ORDER BY occurrence_date, series_id, withdrawn_at IS NOT NULL, position, id LIMIT ? OFFSET ?
                    """,
                arguments: arguments + [max(limit, 0), max(offset, 0)]
            ).map(AgendaItem.init(row:))
        }
    }

    /// How many agenda items `agendaItems` would give without a limit.
    public func countAgendaItems(seriesID: String?, occurrenceDate: LocalDate?, includingWithdrawn: Bool = false)
        throws(StoreError) -> Int
    {
        let (condition, arguments) = Self.agendaItemCondition(
            seriesID: seriesID, occurrenceDate: occurrenceDate, includingWithdrawn: includingWithdrawn)
        return try read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM agenda_item \(condition)", arguments: arguments) ?? 0
        }
    }

    /// Applies `changes` and audits the fields that really changed; nil when there is no
    /// such item. A change that changes nothing writes nothing.
    ///
    /// A move (another occurrence date, or a placement) renumbers the items of the meetings
    /// it leaves and joins, so each agenda stays numbered 1, 2, 3... Only the moved item's
    /// audit entry records it: the others' places follow from it. A placement that cannot be
    /// followed, or a move of a withdrawn item, throws `invalidPlacement` with what is wrong.
    public func updateAgendaItem(id: Int64, _ changes: AgendaItemChanges, actor: String, now: Date)
        throws(StoreError) -> AgendaItem?
    {
        try write { db in
            guard let old = try Self.fetchAgendaItem(id: id, in: db) else { return nil }
            var new = changes.applied(to: old)
            try Self.checkAgendaItem(title: new.title, minutes: new.minutes)
            var newOrder: [Int64]?
            if changes.moves(old) {
                let order = try Self.placedOrder(of: old, in: new.occurrenceDate, at: changes.placement ?? .end, in: db)
                new.position = (order.firstIndex(of: id) ?? order.count) + 1
                newOrder = order
            }
            let details = Self.agendaItemChanges(from: old, to: new)
            guard !details.isEmpty else { return old }
            try db.execute(
                sql: """
                    UPDATE agenda_item SET occurrence_date = ?, position = ?, title = ?, presenter_id = ?, minutes = ?,
                        notes = ?, updated_at = ?
                    WHERE id = ?
                    """,
                arguments: [
                    new.occurrenceDate.description, new.position, new.title, new.presenterID, new.minutes, new.notes,
                    now, id,
                ]
            )
            if let newOrder {
                try Self.number(newOrder, in: db)
                if new.occurrenceDate != old.occurrenceDate {
                    try Self.number(
                        Self.agendaOrder(seriesID: old.seriesID, occurrenceDate: old.occurrenceDate, in: db), in: db)
                }
            }
            try Self.audit(
                entity: "agenda-item", id: id, change: "updated", details: details, actor: actor, now: now, in: db)
            return try Self.storedAgendaItem(id: id, in: db)
        }
    }

    /// Takes an item off its meeting's agenda, keeping it with who withdrew it and when, and
    /// closes the gap it leaves; nil when there is no such item. An item already withdrawn
    /// is returned as it is, with nothing written.
    public func withdrawAgendaItem(id: Int64, actor: String, now: Date) throws(StoreError) -> AgendaItem? {
        try write { db in
            guard let old = try Self.fetchAgendaItem(id: id, in: db) else { return nil }
            guard old.isOnAgenda else { return old }
            try db.execute(
                sql: "UPDATE agenda_item SET withdrawn_at = ?, withdrawn_by = ?, updated_at = ? WHERE id = ?",
                arguments: [now, actor, now, id])
            try Self.number(
                Self.agendaOrder(seriesID: old.seriesID, occurrenceDate: old.occurrenceDate, in: db), in: db)
            let new = try Self.storedAgendaItem(id: id, in: db)
            try Self.audit(
                entity: "agenda-item", id: id, change: "updated", details: Self.agendaItemChanges(from: old, to: new),
                actor: actor, now: now, in: db)
            return new
        }
    }

    /// Removes an agenda item (a mistake, or an answer undone), keeping its last state in the
    /// audit trail, and closes the gap it leaves; false when there was no such item. To take
    /// an item off the agenda but keep it, withdraw it.
    public func deleteAgendaItem(id: Int64, actor: String, now: Date) throws(StoreError) -> Bool {
        try write { db in
            guard let old = try Self.fetchAgendaItem(id: id, in: db) else { return false }
            try db.execute(sql: "DELETE FROM agenda_item WHERE id = ?", arguments: [id])
            if old.isOnAgenda {
                try Self.number(
                    Self.agendaOrder(seriesID: old.seriesID, occurrenceDate: old.occurrenceDate, in: db), in: db)
            }
            var details = AuditDetails()
            details.record("series_id", old: AuditDetails.Value(old.seriesID), new: .null)
            details.record("occurrence_date", old: AuditDetails.Value(old.occurrenceDate), new: .null)
            details.record("position", old: AuditDetails.Value(old.position), new: .null)
            details.record("title", old: AuditDetails.Value(old.title), new: .null)
            details.record("presenter_id", old: AuditDetails.Value(old.presenterID), new: .null)
            details.record("minutes", old: AuditDetails.Value(old.minutes), new: .null)
            details.record("notes", old: AuditDetails.Value(old.notes), new: .null)
            details.record("submitted_by", old: AuditDetails.Value(old.submittedBy), new: .null)
            details.record("withdrawn_at", old: AuditDetails.Value(old.withdrawal?.at), new: .null)
            details.record("withdrawn_by", old: AuditDetails.Value(old.withdrawal?.by), new: .null)
            try Self.audit(
                entity: "agenda-item", id: id, change: "deleted", details: details, actor: actor, now: now, in: db)
            return true
        }
    }

    /// Refuses what the table's constraints would, with a message a person can act on.
    private static func checkAgendaItem(title: String, minutes: Int?) throws(StoreError) {
        guard !title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw StoreError(code: .invalidValue, description: "an agenda item needs a title that is not empty")
        }
        if let minutes, minutes <= 0 {
            throw StoreError(
                code: .invalidValue, description: "an agenda item needs a positive number of minutes, not \(minutes)")
        }
    }

    /// The ids of the items on the agenda of the meeting `date` names, in the order that
    /// results from placing `item` there; a placement that cannot be followed throws.
    private static func placedOrder(
        of item: AgendaItem, in date: LocalDate, at placement: AgendaPlacement, in db: Database
    ) throws -> [Int64] {
        if let withdrawal = item.withdrawal {
            throw StoreError(
                code: .invalidPlacement,
                description:
                    "Item #\(item.id) was withdrawn on \(withdrawal.at.formatted(.iso8601)) by \(withdrawal.by), so it "
                    + "has no place on an agenda; submit it again to put it back.")
        }
        let current = try agendaOrder(seriesID: item.seriesID, occurrenceDate: date, in: db)
        switch placement.order(placing: item.id, among: current) {
        case .success(let order):
            return order
        case .failure(.positionOutOfRange(let position, let count)):
            let range = count == 1 ? "the only position is 1" : "give 1 to \(count)"
            throw StoreError(
                code: .invalidPlacement,
                description:
                    "Position \(position) is not on the agenda of \(item.seriesID) \(date), which has "
                    + "\(Plural.phrase(count, "item")) with this one; \(range).")
        case .failure(.relativeToItself):
            throw StoreError(code: .invalidPlacement, description: "An item cannot be placed before or after itself.")
        case .failure(.notOnAgenda(let otherID)):
            // An item of another series is answered like one that does not exist: a caller
            // limited to some series learns nothing about the others.
            let description: String
            if let other = try fetchAgendaItem(id: otherID, in: db), other.seriesID == item.seriesID {
                description =
                    other.isOnAgenda
                    ? "Item #\(otherID) is on the agenda of \(other.seriesID) \(other.occurrenceDate), "
                        + "not \(item.seriesID) \(date)."
                    : "Item #\(otherID) was withdrawn, so it is on no agenda."
            } else {
                description = "Series \(item.seriesID) has no agenda item #\(otherID)."
            }
            throw StoreError(code: .invalidPlacement, description: description)
        }
    }

    /// The ids of the items on the agenda of one meeting (not withdrawn), in their order.
    private static func agendaOrder(seriesID: String, occurrenceDate: LocalDate, in db: Database) throws -> [Int64] {
        try Int64.fetchAll(
            db,
            sql: """
                SELECT id FROM agenda_item
                WHERE series_id = ? AND occurrence_date = ? AND withdrawn_at IS NULL
                ORDER BY position, id
                """,
            arguments: [seriesID, occurrenceDate.description])
    }

    /// Gives the items `order` names the positions 1, 2, 3... in that order.
    private static func number(_ order: [Int64], in db: Database) throws {
        for (index, id) in order.enumerated() {
            try db.execute(
                sql: "UPDATE agenda_item SET position = ? WHERE id = ? AND position != ?",
                arguments: [index + 1, id, index + 1])
        }
    }

    private static func agendaItemCondition(seriesID: String?, occurrenceDate: LocalDate?, includingWithdrawn: Bool)
        -> (String, StatementArguments)
    {
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
        if !includingWithdrawn {
            conditions.append("withdrawn_at IS NULL")
        }
        return (conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "), arguments)
    }

    private static func fetchAgendaItem(id: Int64, in db: Database) throws -> AgendaItem? {
        try Row.fetchOne(db, sql: "SELECT * FROM agenda_item WHERE id = ?", arguments: [id]).map(AgendaItem.init(row:))
    }

    private static func storedAgendaItem(id: Int64, in db: Database) throws -> AgendaItem {
        guard let item = try fetchAgendaItem(id: id, in: db) else {
            throw DatabaseError(resultCode: .SQLITE_INTERNAL, message: "agenda_item lost a row inside a transaction")
        }
        return item
    }

    private static func agendaItemChanges(from old: AgendaItem?, to new: AgendaItem) -> AuditDetails {
        var details = AuditDetails()
        details.record("series_id", old: AuditDetails.Value(old?.seriesID), new: AuditDetails.Value(new.seriesID))
        details.record(
            "occurrence_date", old: AuditDetails.Value(old?.occurrenceDate),
            new: AuditDetails.Value(new.occurrenceDate))
        details.record("position", old: AuditDetails.Value(old?.position), new: AuditDetails.Value(new.position))
        details.record("title", old: AuditDetails.Value(old?.title), new: AuditDetails.Value(new.title))
        details.record(
            "presenter_id", old: AuditDetails.Value(old?.presenterID), new: AuditDetails.Value(new.presenterID))
        details.record("minutes", old: AuditDetails.Value(old?.minutes), new: AuditDetails.Value(new.minutes))
        details.record("notes", old: AuditDetails.Value(old?.notes), new: AuditDetails.Value(new.notes))
        details.record(
            "submitted_by", old: AuditDetails.Value(old?.submittedBy), new: AuditDetails.Value(new.submittedBy))
        details.record(
            "withdrawn_at", old: AuditDetails.Value(old?.withdrawal?.at), new: AuditDetails.Value(new.withdrawal?.at))
        details.record(
            "withdrawn_by", old: AuditDetails.Value(old?.withdrawal?.by), new: AuditDetails.Value(new.withdrawal?.by))
        return details
    }
}

extension AgendaItem {
    /// Reads an `agenda_item` row.
    init(row: Row) throws {
        guard let date = try LocalDate(column: "occurrence_date", of: row) else {
            throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "agenda_item has no occurrence date")
        }
        let withdrawnAt: Date? = row["withdrawn_at"]
        let withdrawnBy: String? = row["withdrawn_by"]
        self.init(
            id: row["id"], seriesID: row["series_id"], occurrenceDate: date, position: row["position"],
            title: row["title"], presenterID: row["presenter_id"], minutes: row["minutes"], notes: row["notes"],
            submittedBy: row["submitted_by"], createdAt: row["created_at"], updatedAt: row["updated_at"],
            withdrawal: withdrawnAt.map { Withdrawal(by: withdrawnBy ?? "", at: $0) })
    }
}
