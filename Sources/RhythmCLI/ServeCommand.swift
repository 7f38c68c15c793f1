import ArgumentParser
import Foundation
import Logging
import RhythmAgenda
import RhythmAnswers
import RhythmConfig
import RhythmDaemon
import RhythmStore

/// `rhythm serve`: the long-running service.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the Rhythm service: feeds, agenda pages and the API, and the reminder dispatcher.",
        discussion: """
            Listens on service.listen from the configuration (127.0.0.1:8080 by default): \
            /feeds/public.ics, /feeds/<token>.ics, /agenda/..., /api/v1/..., /healthz, /readyz \
            and /metrics. Plans reminders and invitations and sends each when it falls due, \
            sleeping in between. Runs until SIGTERM or SIGINT, then finishes the sends in \
            flight. SIGHUP reloads the configuration and the templates; a file with errors is \
            logged and the service keeps running on the last good one. Under systemd \
            (Type=notify) it reports READY, RELOADING, STOPPING and its status, and pings the \
            watchdog; logs go to standard error with syslog priorities journald reads.

            Example:
              rhythm serve --config /etc/rhythm/rhythm.yaml
            """
    )

    @OptionGroup var options: RhythmOptions

    @Flag(help: ArgumentHelp("Render every feed request afresh (to measure rendering).", visibility: .hidden))
    var noFeedCache = false

    @Option(help: ArgumentHelp("text (syslog priorities under journald) or json lines.", valueName: "format"))
    var logFormat: DaemonLogHandler.Format =
        ProcessInfo.processInfo.environment["RHYTHM_LOG_FORMAT"].flatMap(DaemonLogHandler.Format.init) ?? .text

    @Option(help: ArgumentHelp("trace, debug, info, notice, warning or error.", valueName: "level"))
    var logLevel: Logger.Level = .info

    func run() async throws {
        let format = logFormat
        let level = logLevel
        LoggingSystem.bootstrap { label in
            DaemonLogHandler(label: label, format: format, level: level)
        }
        let loaded = try options.load()
        for warning in loaded.warnings {
            StandardError.print(warning.description)
        }
        let store = try options.openDatabase(for: loaded)
        let service = RhythmService(
            configurationPath: options.configurationPath, configuration: loaded, store: store,
            databasePath: options.databaseLocation(for: loaded).path,
            logger: Logger(label: "rhythm"), cachesFeeds: !noFeedCache)
        do {
            try await service.run()
        } catch let error as StoreError {
            StandardError.print("error: \(error.description)")
            throw ExitCode(DatabaseOptions.failureStatus)
        } catch is ListenError {
            // Logged by the service already, at error level.
            throw ExitCode(ListenError.exitStatus)
        } catch let error as AgendaTemplateError {
            StandardError.print(error.description)
            throw ExitCode(78)
        } catch let error as AnswerPageError {
            StandardError.print(error.description)
            throw ExitCode(78)
        }
    }
}

extension RhythmCommand {
    /// Whether a command line (`CommandLine.arguments`, the program first) runs `rhythm serve`.
    public static func startsService(_ arguments: [String]) -> Bool {
        arguments.dropFirst().first == ServeCommand.configuration.commandName
    }
}

extension DaemonLogHandler.Format: ExpressibleByArgument {}

extension Logger.Level: @retroactive ExpressibleByArgument {}
