/// Whether a feed is the initiative's public calendar or a personal one behind a token.
///
/// The kind is all that logs and headers may say about a private feed: its URL is a capability.
enum FeedKind: String, Sendable {
    case publicFeed = "public"
    case privateFeed = "private"

    /// The URL name of the public feed, /feeds/public.ics.
    static let publicName = "public"

    init(name: String) {
        self = name == Self.publicName ? .publicFeed : .privateFeed
    }
}
