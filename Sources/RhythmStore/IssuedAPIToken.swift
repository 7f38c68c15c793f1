/// A newly issued API token: the only moment its secret exists outside the client that
/// will present it.
///
/// Its descriptions leave the secret out, so that printing or logging the value by accident
/// does not leak it.
public struct IssuedAPIToken: Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The bearer secret: `rhy_` and 43 base64url characters carrying 256 random bits.
    public let token: String
    /// The stored facts about the new token.
    public let record: APITokenRecord

    /// `API token k7qm2xw9ta "partner portal" (write)`, without the secret.
    public var description: String {
        "API token \(record.publicID) \"\(record.name)\" (\(record.scope.rawValue))"
    }

    /// Same as `description`: the secret stays out of debug output too.
    public var debugDescription: String { description }
}
