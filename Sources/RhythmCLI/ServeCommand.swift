import ArgumentParser
import Foundation
import Logging
import RhythmAgenda
import RhythmConfig
import RhythmDaemon
import RhythmStore

/// `rhythm serve`: the long-running service.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the Rhythm service: the HTTP server with the calendar feeds.",
        discussion: """
            Listens on service.listen from the configuration (127.0.0.1:8080 by default) and \
            serves /feeds/public.ics, /feeds/<token>.ics and /healthz until SIGTERM or SIGINT. \
            SIGHUP reloads the configuration; a file with errors is logged and ignored, and the \
            service keeps running on the last good one.

            Example:
              rhythm serve --config /etc/rhythm/rhythm.yaml
            """
    )

    @OptionGroup var options: ConfigurationOptions

    @OptionGroup var database: DatabaseOptions

    @Flag(help: ArgumentHelp("Render every feed request afresh (to measure rendering).", visibility: .hidden))
    var noFeedCache = false

    func run() async throws {
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = .info
            return handler
        }
        let loaded = try options.load()
        for warning in loaded.warnings {
            StandardError.print(warning.description)
        }
        let store = try database.open()
        let service = RhythmService(
            configurationPath: options.path, configuration: loaded, store: store, logger: Logger(label: "rhythm"),
            cachesFeeds: !noFeedCache)
        do {
            try await service.run()
        } catch let error as StoreError {
            StandardError.print("error: \(error.description)")
            throw ExitCode(DatabaseOptions.failureStatus)
        } catch let error as AgendaTemplateError {
            StandardError.print(error.description)
            throw ExitCode(78)
        }
    }
}
