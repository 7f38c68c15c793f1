/// A newly issued feed token: the only moment the secret exists outside the calendar that
/// will use it.
///
/// The plaintext `token` is not stored anywhere; whoever receives this value must show it
/// to the person now or lose it. Its descriptions leave the secret out, so that printing or
/// logging the value by accident does not leak it.
public struct IssuedFeedToken: Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The secret that goes into the feed's URL: 43 base64url characters carrying 256 random
    /// bits.
    public let token: String
    /// The stored facts about the new token.
    public let record: FeedTokenRecord
    /// The subject's tokens that this one replaced and that stopped working with it; empty
    /// unless the token came from a rotation that had something to rotate.
    public let replaced: [FeedTokenRecord]

    /// `feed token k7qm2xw9ta for partner:brightwater-council`, without the secret.
    public var description: String {
        "feed token \(record.publicID) for \(record.subject)"
    }

    /// Same as `description`: the secret stays out of debug output too.
    public var debugDescription: String { description }
}
