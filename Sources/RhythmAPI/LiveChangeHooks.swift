import RhythmCore

/// What the API needs from the daemon to make live changes: the configuration file's
/// initiative (a request is checked against the file and the live changes in force, never
/// against an initiative that already has them laid over it), and the hook that makes a
/// recorded change take effect at once (feeds, invitations, reminders).
public struct LiveChangeHooks: Sendable {
    public let fileInitiative: @Sendable () -> Initiative
    public let onLiveChange: @Sendable () async throws -> Void

    public init(
        fileInitiative: @escaping @Sendable () -> Initiative, onLiveChange: @escaping @Sendable () async throws -> Void
    ) {
        self.fileInitiative = fileInitiative
        self.onLiveChange = onLiveChange
    }
}
