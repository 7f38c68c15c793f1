import Foundation
import GRDB
import RhythmCore

extension AppDatabase {
    /// Records that the form with nonce hash `nonceHash` was sent through link `linkID`;
    /// false when it had been sent before, so that a replayed form changes nothing.
    ///
    /// Uses before `forgetBefore` are dropped: the caller passes a time before which no nonce
    /// is accepted any more, so the table holds only what can still be replayed.
    public func useAnswerForm(nonceHash: String, linkID: Int64, now: Date, forgetBefore: Date) throws(StoreError)
        -> Bool
    {
        try write { db in
            try db.execute(sql: "DELETE FROM answer_form_use WHERE used_at < ?", arguments: [forgetBefore])
            try db.execute(
                sql: "INSERT OR IGNORE INTO answer_form_use (nonce_hash, link_id, used_at) VALUES (?, ?, ?)",
                arguments: [nonceHash, linkID, now])
            return db.changesCount == 1
        }
    }

    /// Keeps what an answer replaced, so that it can be undone; returns the record with the
    /// public id its undo button names. Records made before `forgetBefore`, which can no
    /// longer be undone, are dropped.
    public func recordAnswerUndo(
        linkID: Int64, personID: String, summary: String, change: String, now: Date, forgetBefore: Date
    ) throws(StoreError) -> AnswerUndoRecord {
        try write { db in
            try db.execute(sql: "DELETE FROM answer_undo WHERE created_at < ?", arguments: [forgetBefore])
            var publicID = FeedToken.generate()
            while try Bool.fetchOne(db, sql: "SELECT 1 FROM answer_undo WHERE public_id = ?", arguments: [publicID])
                != nil
            {
                publicID = FeedToken.generate()
            }
            try db.execute(
                sql: """
                    INSERT INTO answer_undo (public_id, link_id, person_id, summary, change, created_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [publicID, linkID, personID, summary, change, now])
            return AnswerUndoRecord(
                id: db.lastInsertedRowID, publicID: publicID, linkID: linkID, personID: personID, summary: summary,
                change: change, createdAt: now, undoneAt: nil)
        }
    }

    /// The answer named `publicID`, if link `linkID` gave it; nil otherwise.
    public func answerUndo(publicID: String, linkID: Int64) throws(StoreError) -> AnswerUndoRecord? {
        try read { db in
            try Row.fetchOne(
                db, sql: "SELECT * FROM answer_undo WHERE public_id = ? AND link_id = ?", arguments: [publicID, linkID]
            ).map(AnswerUndoRecord.init(row:))
        }
    }

    /// Marks answer `id` undone; false when it already was, so that it is undone only once.
    public func markAnswerUndone(id: Int64, now: Date) throws(StoreError) -> Bool {
        try write { db in
            try db.execute(
                sql: "UPDATE answer_undo SET undone_at = ? WHERE id = ? AND undone_at IS NULL", arguments: [now, id])
            return db.changesCount == 1
        }
    }

    /// Removes the value recorded as indicator result `id`, as when the answer that recorded
    /// it is undone and no value was there before; returns whether there was one. Audited.
    public func deleteIndicatorResult(id: Int64, actor: String, now: Date) throws(StoreError) -> Bool {
        try write { db in
            guard
                let old = try Row.fetchOne(db, sql: "SELECT * FROM indicator_result WHERE id = ?", arguments: [id])
                    .map(IndicatorResult.init(row:))
            else { return false }
            try db.execute(sql: "DELETE FROM indicator_result WHERE id = ?", arguments: [id])
            var details = AuditDetails()
            details.record("indicator_id", old: .text(old.indicatorID), new: .null)
            details.record("period", old: .text(old.period.description), new: .null)
            details.record("value", old: .number(old.value), new: .null)
            details.record("note", old: AuditDetails.Value(old.note), new: .null)
            try Self.audit(
                entity: "indicator-result", id: id, change: "deleted", details: details, actor: actor, now: now, in: db)
            return true
        }
    }
}

extension AnswerUndoRecord {
    /// Reads an `answer_undo` row.
    init(row: Row) {
        self.init(
            id: row["id"], publicID: row["public_id"], linkID: row["link_id"], personID: row["person_id"],
            summary: row["summary"], change: row["change"], createdAt: row["created_at"], undoneAt: row["undone_at"])
    }
}
