import Foundation
import GRDB

/// What a feed last published for one series: the fingerprint of its meaning and the
/// iCalendar SEQUENCE and LAST-MODIFIED that go with it.
///
/// Calendar clients only take an update to an event seriously when its SEQUENCE grows, and
/// they flag needless growth as a change; so the number moves exactly when the fingerprint
/// (time, place, rule) does.
public struct SeriesPublication: Hashable, Sendable {
    /// The series' id in the configuration.
    public let seriesID: String
    /// Opaque to the store; computed by whoever builds feeds.
    public let fingerprint: String
    /// 0 when first published, one more at every change of fingerprint.
    public let sequence: Int
    /// When the series was first published.
    public let createdAt: Date
    /// When the fingerprint last changed; equal to `createdAt` until it does.
    public let lastModifiedAt: Date

    /// Describes a series' state; the store makes these, tests and tools may compare them.
    public init(seriesID: String, fingerprint: String, sequence: Int, createdAt: Date, lastModifiedAt: Date) {
        self.seriesID = seriesID
        self.fingerprint = fingerprint
        self.sequence = sequence
        self.createdAt = createdAt
        self.lastModifiedAt = lastModifiedAt
    }

    /// Reads a `series_publication` row.
    init(row: Row) {
        self.init(
            seriesID: row["series_id"], fingerprint: row["fingerprint"], sequence: row["sequence"],
            createdAt: row["created_at"], lastModifiedAt: row["last_modified_at"])
    }
}
