import Foundation
import RhythmConfig
import RhythmCore
import RhythmDelivery
import RhythmStore

/// Whether the service can do its job, for `/readyz` and `rhythm status`: a configuration is
/// loaded (always, once running: a bad reload keeps the last good one), the database can be
/// written (a write transaction can start, and no real write has failed for lack of space
/// or a damaged file since the last one that succeeded), and every channel can send (its
/// secrets readable, its Maildir writable). Times are the initiative's, with their offset.
public struct Readiness: Sendable {
    public let store: AppDatabase
    public let current: CurrentConfiguration
    public let databasePath: String
    public let secrets: SecretResolver

    public init(store: AppDatabase, current: CurrentConfiguration, databasePath: String, secrets: SecretResolver) {
        self.store = store
        self.current = current
        self.databasePath = databasePath
        self.secrets = secrets
    }

    /// One sentence per problem; empty when ready.
    public func problems() -> [String] {
        var problems: [String] = []
        do throws(StoreError) {
            try store.checkWritable()
        } catch {
            problems.append(error.description)
        }
        let snapshot = current.snapshot
        if let failure = store.health.unresolvedFailure {
            let zone = snapshot.configuration.initiative.timeZone
            problems.append(
                "a database write failed at \(zone.iso8601(failure.at)) and none has succeeded since: "
                    + "\(failure.message); check the free space and the database file")
        }
        problems += ChannelCheck(
            initiative: snapshot.configuration.initiative,
            maildirRoot: URL(fileURLWithPath: databasePath).deletingLastPathComponent().path, secrets: secrets
        ).problems()
        let held = (try? store.inboxStates().filter(\.isHeld)) ?? []
        problems += held.map { state in
            "the organiser mailbox of channel \(state.channelID) is held for an operator: \(state.heldReason ?? ""); "
                + "fix the configuration and reload, or run rhythm inbox --once"
        }
        return problems
    }

    /// One sentence per thing that works but needs a person: an address that bounces (Rhythm
    /// stops writing to it). Warnings never make the service unready. Empty when the store
    /// cannot be read, which `problems()` reports.
    public func warnings() -> [String] {
        let initiative = current.snapshot.configuration.initiative
        return (try? BouncingRecipients(initiative: initiative, store: store).warnings) ?? []
    }

    /// The body of `/readyz`: `ready` and the configuration's generation, or each problem;
    /// then a `warning:` line for each warning.
    public func report() -> (ready: Bool, body: String) {
        let problems = problems()
        let warnings = warnings().map { "warning: \($0)" }
        let snapshot = current.snapshot
        let zone = snapshot.configuration.initiative.timeZone
        let loaded = "configuration loaded \(zone.iso8601(snapshot.loadedAt)) (generation \(snapshot.generation))"
        if problems.isEmpty { return (true, (["ready: \(loaded)"] + warnings).joined(separator: "\n") + "\n") }
        return (
            false,
            (["not ready: \(loaded)"] + problems.map { "- \($0)" } + warnings).joined(separator: "\n") + "\n"
        )
    }
}
