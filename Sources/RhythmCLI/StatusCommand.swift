import ArgumentParser
import Foundation
import Logging
import NIOPosix
import RhythmConfig
import RhythmCore
import RhythmDaemon
import RhythmDelivery
import RhythmStore

/// `rhythm status`: how the service and its outbox are doing, for a person.
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show whether the service runs and is ready, and how its outbox stands.",
        discussion: """
            Asks the running service (service.listen) for /readyz and /metrics, and reads the \
            database: reminders waiting, due now and how long the oldest has waited, when the \
            next is due, dead letters, channels disabled or unable to send, addresses that \
            bounce (Rhythm sends them nothing), and how many answer links work. Times are the \
            initiative's, with their UTC offset. With a configuration file that has errors it \
            still reports the service (which keeps its last good configuration) and warns. \
            Exits with 0 when the service answers ready, 69 (EX_UNAVAILABLE) otherwise, and \
            74 when the database is damaged.

            Example:
              rhythm status --config /etc/rhythm/rhythm.yaml
            """
    )

    @OptionGroup var options: RhythmOptions

    func run() async throws {
        let configured = Self.configurationView(at: options.configurationPath)
        let location = DatabaseLocation.resolve(
            option: options.store.database, environment: ProcessInfo.processInfo.environment,
            configured: configured.service.database.map { (database: $0, file: options.configurationPath) })
        let store = try options.open(location)
        let now = Date()
        let zone = configured.timeZone
        let settings = configured.service
        let base =
            "http://\(settings.listenHost.contains(":") ? "[\(settings.listenHost)]" : settings.listenHost)"
            + ":\(settings.listenPort)"
        let (ready, metrics) = await Self.ask(base)
        var lines = configured.warnings
        var isReady = false
        switch ready {
        case .some(let (code, body)):
            isReady = code == 200
            lines.append("Service at \(base): " + body.trimmingCharacters(in: .whitespacesAndNewlines))
        case .none:
            lines.append("Service at \(base): not running (no answer)")
        }
        if let reload = metrics["rhythm_config_last_reload_timestamp_seconds"] {
            lines.append("Configuration last loaded: \(zone.iso8601(Date(timeIntervalSince1970: reload)))")
        }
        if let wake = metrics["rhythm_dispatcher_next_wakeup_timestamp_seconds"], wake > 0 {
            lines.append("Dispatcher wakes next: \(zone.iso8601(Date(timeIntervalSince1970: wake)))")
        }
        do throws(StoreError) {
            try store.checkIntegrity()
        } catch {
            lines.append("Problem: \(error.description)")
            print(lines.joined(separator: "\n"))
            throw ExitCode(DatabaseOptions.failureStatus)
        }
        let facts = try DatabaseOptions.checked { () throws(StoreError) in
            (
                counts: try store.outboxCounts(), oldest: try store.earliestDue(claimableAt: now),
                next: try store.nextDueInstant(), planned: try store.plannedUntil(),
                disabled: try store.disabledChannels(),
                held: try store.heldCount(),
                activeLinks: try store.countActiveAnswerLinks(now: now),
                proposals: try store.calendarProposals(seriesID: nil, includeDismissed: false).count,
                bounces: try store.bouncingAddresses(),
                inboxes: try store.inboxStates()
            )
        }
        let pending = facts.counts[.pending] ?? 0
        lines.append(
            "Outbox: \(pending) pending (\(facts.held) held for an operator), \(facts.counts[.sent] ?? 0) sent, "
                + "\(facts.counts[.dead] ?? 0) dead, \(facts.counts[.withdrawn] ?? 0) withdrawn, "
                + "\(facts.counts[.skipped] ?? 0) skipped")
        if let oldest = facts.oldest {
            lines.append("Due now: the oldest has waited \(Int(now.timeIntervalSince(oldest))) s")
        }
        lines.append("Next due: \(facts.next.map(zone.iso8601) ?? "nothing pending")")
        lines.append("Planned until: \(facts.planned.map(zone.iso8601) ?? "not planned yet")")
        lines.append("Answer links: \(facts.activeLinks) active (`rhythm link list` shows them)")
        if facts.proposals > 0 {
            lines.append(
                "\(Plural.phrase(facts.proposals, "time proposal")) from attendees waiting: rhythm proposals list")
        }
        lines += Self.bouncingLines(facts.bounces, initiative: configured.initiative, zone: zone)
        lines += facts.inboxes.map { Self.inboxLine($0, zone: zone) }
        for (channel, reason) in facts.disabled.sorted(by: { $0.key < $1.key }) {
            lines.append("Channel \(channel) is disabled: \(reason)")
        }
        if let initiative = configured.initiative {
            let maildirRoot = URL(fileURLWithPath: location.path).deletingLastPathComponent().path
            for problem in ChannelCheck(initiative: initiative, maildirRoot: maildirRoot).problems() {
                lines.append("Problem (as this user sees it): \(problem)")
            }
        }
        print(lines.joined(separator: "\n"))
        if !isReady { throw ExitCode(69) }
    }

    /// The state of one organiser mailbox: when it was last read, or why it waits.
    static func inboxLine(_ state: InboxState, zone: TimeZone) -> String {
        let name = "Organiser mailbox of \(state.channelID)"
        if let reason = state.heldReason {
            return "\(name): held for an operator since \(zone.iso8601(state.updatedAt)): \(reason); fix the "
                + "configuration and reload, or run rhythm inbox --once"
        }
        if let error = state.lastError, state.failures > 0 {
            let retry = state.nextAttemptAt.map { ", next try \(zone.iso8601($0))" } ?? ""
            return "\(name): \(Plural.phrase(state.failures, "failed read")) in a row (\(error))\(retry)"
        }
        let read = state.readStartedAt.map(zone.iso8601) ?? "never"
        return "\(name): last read \(read), up to UID \(state.lastUID)"
    }

    /// One line per address that bounces: person, address, since when, status and the
    /// server's last reply. With a configuration, only the people's current addresses count (an
    /// old address no longer matters); without one, every bouncing address is listed.
    static func bouncingLines(_ bounces: [AddressBounce], initiative: Initiative?, zone: TimeZone) -> [String] {
        let listed: [(personID: String, name: String?, bounce: AddressBounce)] =
            initiative.map { initiative in
                BouncingRecipients(initiative: initiative, bounces: bounces).recipients.map {
                    ($0.person.id, $0.person.name, $0.bounce)
                }
            } ?? bounces.map { ($0.personID, nil, $0) }
        return listed.map { personID, name, bounce in
            let who = name.map { "\($0) (\(personID))" } ?? personID
            let since = bounce.bouncingSince.map { " since \(zone.iso8601($0))" } ?? ""
            let status = bounce.statusCode.map { ", status \($0)" } ?? ""
            let reply = bounce.diagnostic.map { ", last reply: \($0)" } ?? ""
            return "Bouncing: \(who) <\(bounce.address)>\(since)\(status)\(reply); Rhythm sends it nothing until "
                + "rhythm person clear-bounce \(personID)"
        }
    }

    /// What status reads from the configuration file: all of it when it loads; otherwise a
    /// warning, and the listen address and zone if they can still be read, so that the
    /// running service (on its last good configuration) is reported all the same.
    struct ConfigurationView {
        var initiative: Initiative?
        var service: ServiceSettings
        var timeZone: TimeZone
        var warnings: [String]
    }

    static func configurationView(at path: String) -> ConfigurationView {
        do {
            let loaded = try ConfigurationLoader().load(path: path)
            return ConfigurationView(
                initiative: loaded.initiative, service: loaded.service, timeZone: loaded.initiative.timeZone,
                warnings: [])
        } catch {
            let count = error.diagnostics.filter { $0.severity == .error }.count
            let salvaged = ConfigurationLoader().salvage(path: path)
            var warning =
                "Warning: the configuration \(path) has \(count) \(count == 1 ? "error" : "errors") (`rhythm check` "
                + "lists them); a running service keeps its last good configuration."
            if salvaged.service == nil { warning += " Its address could not be read: asking the default one." }
            if salvaged.timeZone == nil { warning += " Times are in this machine's zone." }
            return ConfigurationView(
                initiative: nil, service: salvaged.service ?? ServiceSettings(),
                timeZone: salvaged.timeZone ?? .current, warnings: [warning])
        }
    }

    /// `/readyz` (status and body) and the gauges of `/metrics`, or nil and nothing when the
    /// service does not answer within two seconds.
    static func ask(_ base: String) async -> (ready: (Int, String)?, metrics: [String: Double]) {
        let logger = Logger(label: "rhythm.status") { _ in SwiftLogNoOpLogHandler() }
        let pool = NIOThreadPool(numberOfThreads: 1)
        pool.start()
        let transport = CurlTransport(threadPool: pool, logger: logger)
        func get(_ path: String) async -> CurlResponse {
            await transport.perform(
                CurlRequest(
                    url: base + path, payload: .http(method: "GET", headers: [], body: []),
                    timeouts: .init(connect: .seconds(2), total: .seconds(2), serverResponse: .seconds(2))))
        }
        let ready = await get("/readyz")
        let metrics = ready.responseCode == 0 ? nil : await get("/metrics")
        transport.shutdown()
        try? await pool.shutdownGracefully()
        guard ready.responseCode != 0 else { return (nil, [:]) }
        var gauges: [String: Double] = [:]
        for line in String(decoding: metrics?.body ?? [], as: UTF8.self).split(separator: "\n")
        where !line.hasPrefix("#") {
            let parts = line.split(separator: " ")
            if parts.count == 2, !parts[0].contains("{"), let value = Double(parts[1]) {
                gauges[String(parts[0])] = value
            }
        }
        return ((ready.responseCode, String(decoding: ready.body, as: UTF8.self)), gauges)
    }
}
