import Foundation
import RhythmAgenda
import RhythmConfig
import Synchronization

/// The configuration the service runs on (the file with the live changes laid over it),
/// replaced as a whole by a successful reload or a live change, with a generation number so
/// that parts of the service can tell that it changed.
public final class CurrentConfiguration: Sendable {
    /// One loaded configuration and the agenda templates that go with it.
    public struct Snapshot: Sendable {
        public let configuration: LoadedConfiguration
        public let renderer: AgendaRenderer
        /// 1 for the configuration the service started with, one more at each reload and each
        /// live change.
        public let generation: Int
        public let loadedAt: Date
    }

    private let current: Mutex<Snapshot>

    public init(configuration: LoadedConfiguration, renderer: AgendaRenderer, loadedAt: Date) {
        current = Mutex(Snapshot(configuration: configuration, renderer: renderer, generation: 1, loadedAt: loadedAt))
    }

    /// What the service runs on now.
    public var snapshot: Snapshot { current.withLock { $0 } }

    /// Runs on `configuration` from now on.
    func replace(with configuration: LoadedConfiguration, renderer: AgendaRenderer, at date: Date) {
        current.withLock { snapshot in
            snapshot = Snapshot(
                configuration: configuration, renderer: renderer, generation: snapshot.generation + 1,
                loadedAt: date)
        }
    }
}
