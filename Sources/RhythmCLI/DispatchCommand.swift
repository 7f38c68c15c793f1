import ArgumentParser
import Foundation
import Logging
import RhythmAgenda
import RhythmCore
import RhythmDaemon
import RhythmStore

/// `rhythm dispatch --once`: plan and send what is due now, then exit.
struct DispatchCommand: AsyncParsableCommand {
    /// EX_TEMPFAIL from sysexits.h: another dispatcher holds the lock; try again later.
    static let busyStatus: Int32 = 75

    static let configuration = CommandConfiguration(
        commandName: "dispatch",
        abstract: "Plan the reminders and invitations that are due, send them, and exit.",
        discussion: """
            Does once what the service does continuously: puts back what a stopped \
            dispatcher left half-sent (it goes out again with the same Message-ID or \
            webhook id), plans the coming two days of reminders and any calendar \
            invitations the series call for, sends everything due, records each outcome in \
            the outbox, and prints a summary. Failures that may pass are retried by a later \
            run (with backoff); see them with `rhythm outbox list`. Only one dispatcher runs \
            against a database at a time: a second exits with 75. Without an smtp: server, \
            e-mail is written to the Maildir next to the database.

            Example (from cron or a systemd timer):
              rhythm dispatch --once --config /etc/rhythm/rhythm.yaml
            """
    )

    @OptionGroup var options: RhythmOptions

    @Flag(help: "Send what is due now and exit (`rhythm serve` dispatches continuously).")
    var once = false

    @Flag(help: "Log each delivery to standard error.")
    var verbose = false

    func validate() throws {
        guard once else {
            throw ValidationError(
                "Add --once: rhythm dispatch sends what is due now and exits; rhythm serve dispatches continuously.")
        }
    }

    func run() async throws {
        let file = try options.load()
        let location = options.databaseLocation(for: file)
        let path = location.path
        let store = try options.open(location)
        let loaded = try LiveChangeLayer.layered(file, store: store).configuration
        let lock: DispatchLock?
        do {
            lock = try DispatchLock.acquire(forDatabaseAt: path)
        } catch {
            StandardError.print("error: \(error)")
            throw ExitCode(DatabaseOptions.failureStatus)
        }
        guard let lock else {
            StandardError.print("error: another dispatcher is running against \(path); try again when it is done.")
            throw ExitCode(Self.busyStatus)
        }
        let level: Logger.Level = verbose ? .info : .warning
        let logger = Logger(label: "rhythm.dispatch") { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let run = DispatchRun(
            configuration: loaded, configurationPath: options.configurationPath, store: store,
            stateDirectory: URL(fileURLWithPath: path).deletingLastPathComponent().path, logger: logger)
        let report: DispatchRun.Report
        do {
            report = try await run.run()
        } catch let error as StoreError {
            StandardError.print("error: \(error.description)")
            throw ExitCode(DatabaseOptions.failureStatus)
        } catch let error as AgendaTemplateError {
            StandardError.print(error.description)
            throw ExitCode(78)
        }
        withExtendedLifetime(lock) {}
        print(Self.summary(report))
    }

    static func summary(_ report: DispatchRun.Report) -> String {
        let sent = report.dispatched
        var lines = [
            "Planned \(Plural.phrase(report.planned.reminders, "new reminder")) and "
                + "\(Plural.phrase(report.planned.invitations, "new invitation")).",
            "Sent \(sent.sent); retrying later \(sent.retrying); dead \(sent.dead); "
                + "held for an operator \(sent.held); withdrawn \(sent.withdrawn); skipped as too late \(report.skipped).",
        ]
        if sent.bouncing > 0 {
            lines.append(
                "Not sent to an address that bounces: \(sent.bouncing) (rhythm outbox list --status skipped names them)."
            )
        }
        if report.recovered > 0 {
            lines.insert("Recovered \(Plural.phrase(report.recovered, "message")) a stopped run left half-sent.", at: 0)
        }
        for (channel, directory) in report.maildirs.sorted(by: { $0.key < $1.key }) {
            lines.insert(
                "No SMTP server is configured for \(channel): its e-mail is written to the Maildir \(directory).", at: 0
            )
        }
        if let next = report.nextDue {
            lines.append("Next due: \(next.formatted(.iso8601)).")
        }
        return lines.joined(separator: "\n")
    }
}
