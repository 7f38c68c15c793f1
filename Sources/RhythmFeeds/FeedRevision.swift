import Foundation

/// What a feed says about a series' history: how many times its meaning changed and when,
/// so that clients update their copy instead of adding a duplicate.
public struct FeedRevision: Hashable, Sendable {
    /// SEQUENCE: 0 when first published, one more after each change of meaning.
    public var sequence: Int
    /// CREATED: when the series was first published.
    public var created: Date
    /// LAST-MODIFIED and DTSTAMP: when its meaning last changed.
    public var lastModified: Date

    public init(sequence: Int, created: Date, lastModified: Date) {
        self.sequence = sequence
        self.created = created
        self.lastModified = lastModified
    }
}
