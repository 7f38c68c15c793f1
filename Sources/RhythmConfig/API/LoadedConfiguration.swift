import RhythmCore

/// A configuration that passed every check: the initiative to run, how to run and publish
/// it, and the warnings worth showing to whoever started the daemon or ran `rhythm check`.
public struct LoadedConfiguration: Sendable {
    /// The validated model; every id in it refers to something that exists.
    public let initiative: Initiative
    /// Where the service keeps its data and listens (`service:`; defaults when absent).
    public let service: ServiceSettings
    /// How feeds present the schedule (`feeds:`; defaults when absent).
    public let feeds: FeedSettings
    /// Things that are allowed but probably unintended, sorted by line.
    public let warnings: [Diagnostic]

    /// Pairs a validated initiative and its settings with its warnings.
    public init(
        initiative: Initiative,
        service: ServiceSettings = ServiceSettings(),
        feeds: FeedSettings = FeedSettings(),
        warnings: [Diagnostic]
    ) {
        self.initiative = initiative
        self.service = service
        self.feeds = feeds
        self.warnings = warnings
    }
}
