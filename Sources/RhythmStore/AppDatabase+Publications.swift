import Foundation
import GRDB

extension AppDatabase {
    /// The last published state of every series, by series id.
    public func publicationStates() throws(StoreError) -> [String: SeriesPublication] {
        try read { db in
            let states = try Row.fetchAll(db, sql: "SELECT * FROM series_publication").map(SeriesPublication.init(row:))
            return Dictionary(uniqueKeysWithValues: states.map { ($0.seriesID, $0) })
        }
    }

    /// Records the fingerprints about to be published, by series id, and returns the state
    /// to publish for each of them.
    ///
    /// In one transaction: a series seen for the first time starts at sequence 0; an
    /// unchanged fingerprint leaves its row untouched; a changed one bumps the sequence and
    /// sets the last modification to `now`. Series not named are left alone, so a series
    /// removed and later restored continues its numbering. The states returned are read
    /// back from the database, so they match what later calls see (times are stored to the
    /// millisecond).
    public func recordPublications(
        _ fingerprints: [String: String], now: Date
    ) throws(StoreError) -> [String: SeriesPublication] {
        try write { db in
            var result: [String: SeriesPublication] = [:]
            for (seriesID, fingerprint) in fingerprints {
                try db.execute(
                    sql: """
                        INSERT INTO series_publication (series_id, fingerprint, sequence, created_at, last_modified_at)
                        VALUES (?, ?, 0, ?, ?)
                        ON CONFLICT (series_id) DO UPDATE
                        SET fingerprint = excluded.fingerprint, sequence = sequence + 1,
                            last_modified_at = excluded.last_modified_at
                        WHERE fingerprint <> excluded.fingerprint
                        """,
                    arguments: [seriesID, fingerprint, now, now]
                )
                let row = try Row.fetchOne(
                    db, sql: "SELECT * FROM series_publication WHERE series_id = ?", arguments: [seriesID])
                result[seriesID] = row.map(SeriesPublication.init(row:))
            }
            return result
        }
    }
}
