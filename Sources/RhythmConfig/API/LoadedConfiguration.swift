import RhythmCore

/// A configuration that passed every check: the initiative to run, and the warnings worth
/// showing to whoever started the daemon or ran `rhythm check`.
public struct LoadedConfiguration: Sendable {
    /// The validated model; every id in it refers to something that exists.
    public let initiative: Initiative
    /// Things that are allowed but probably unintended, sorted by line.
    public let warnings: [Diagnostic]

    /// Pairs a validated initiative with its warnings.
    public init(initiative: Initiative, warnings: [Diagnostic]) {
        self.initiative = initiative
        self.warnings = warnings
    }
}
