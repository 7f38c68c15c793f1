import Foundation

/// The rendered bytes of one feed and when what it describes last changed.
public struct FeedDocument: Sendable {
    /// The iCalendar text, UTF-8 encoded.
    public let body: [UInt8]
    /// When what the feed describes last changed.
    public let lastModified: Date

    /// Creates a document from its rendered bytes.
    public init(body: [UInt8], lastModified: Date) {
        self.body = body
        self.lastModified = lastModified
    }
}
