import Hummingbird
import Logging
import RhythmServer

/// The application as the daemon builds it, listening on an ephemeral port of 127.0.0.1, logging
/// every line into `logs`.
func makeApplication(
    feeds: TestFeeds,
    cache: FeedCache = FeedCache(),
    logs: RecordingLogHandler.Store = .init()
) -> some ApplicationProtocol {
    buildApplication(
        // Every test shares two threads, so a test may connect and then wait longer than the
        // daemon's 10-second idle timeout before sending; here the server waits for it.
        configuration: ServerConfiguration(host: "127.0.0.1", port: 0, idleTimeout: .seconds(600)),
        feeds: feeds,
        cache: cache,
        logger: RecordingLogHandler.logger(logs)
    )
}

/// A calendar small enough to read in a failing test.
func calendar(_ summary: String) -> String {
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Rhythm//Test//EN\r\nBEGIN:VEVENT\r\nUID:1@rhythm.test\r\n"
        + "SUMMARY:\(summary)\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
}

/// A private feed's token in the tests; it must never show up in a header, a body or a log line.
let secretToken = "tok_S3cr3tCapabilityValue"
