/// What an API token may do. `write` implies `read`.
public enum APIScope: String, CaseIterable, Sendable, Codable {
    /// List and get.
    case read
    /// Everything `read` may, plus create and update.
    case write

    /// Whether a token with this scope may do what `required` allows.
    public func allows(_ required: APIScope) -> Bool {
        self == .write || required == .read
    }
}
