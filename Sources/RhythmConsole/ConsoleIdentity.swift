import RhythmCore
import RhythmStore

/// Who is signed in to the console on a request: the person, as the current configuration
/// describes them, and their session.
public struct ConsoleIdentity: Sendable {
    public let person: Person
    public let session: ConsoleSession

    /// The token every form of this session carries (see ``ConsoleLayout/csrfField(_:)``).
    public var csrfToken: String { session.csrfToken }

    /// How the audit trail names a change made through the console.
    public var actor: String { "console:\(person.id)" }

    public init(person: Person, session: ConsoleSession) {
        self.person = person
        self.session = session
    }
}
