import Foundation
import GRDB

extension AppDatabase {
    /// How many answer links work at `now` (neither revoked nor expired), counted in SQL:
    /// every message issues several, so there may be many.
    public func countActiveAnswerLinks(now: Date) throws(StoreError) -> Int {
        try read { db in
            try Int.fetchOne(
                db,
                sql: """
                    SELECT COUNT(*) FROM answer_link
                    WHERE revoked_at IS NULL AND (expires_at IS NULL OR expires_at > ?)
                    """,
                arguments: [now]) ?? 0
        }
    }
}
