import RhythmConfig
import RhythmCore
import RhythmStore

/// A loaded configuration with the store's live changes laid over it: what every command
/// that shows or acts on the schedule, and `rhythm serve`, run on.
public struct LayeredConfiguration: Sendable {
    /// The configuration as the file says it.
    public let file: LoadedConfiguration
    /// The same configuration with the live changes applied to its initiative.
    public let configuration: LoadedConfiguration
    /// Which live changes are applied, superseded by the file, or orphaned.
    public let layering: LiveLayering

    /// Reads the live changes in force from `store` and lays them over `file`.
    public init(file: LoadedConfiguration, store: AppDatabase) throws(StoreError) {
        self.init(file: file, changes: try store.liveChanges(includingEnded: false))
    }

    /// Lays `changes` over `file`.
    public init(file: LoadedConfiguration, changes: [LiveChange]) {
        let layering = LiveLayering(file: file.initiative, changes: changes)
        self.file = file
        self.layering = layering
        self.configuration = LoadedConfiguration(
            initiative: layering.initiative, service: file.service, feeds: file.feeds, warnings: file.warnings)
    }

    /// The file alone: for a command run where there is no database yet.
    public init(unlayered file: LoadedConfiguration) {
        self.init(file: file, changes: [])
    }
}
