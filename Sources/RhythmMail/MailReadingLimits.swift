/// The bounds a received message must stay within before it is read.
///
/// A mailbox is open to the world: these limits keep one hostile or broken message from
/// taking the daemon's memory or stack.
public struct MailReadingLimits: Sendable, Hashable {
    /// The largest message accepted, in bytes (as fetched, before decoding).
    public var maximumSize: Int
    /// How deep multiparts and embedded messages may nest; the top-level message is depth 0.
    public var maximumDepth: Int

    /// Creates limits; the defaults (25 MiB, depth 16) accept every real reply or bounce.
    public init(maximumSize: Int = 25 * 1024 * 1024, maximumDepth: Int = 16) {
        self.maximumSize = maximumSize
        self.maximumDepth = maximumDepth
    }
}
