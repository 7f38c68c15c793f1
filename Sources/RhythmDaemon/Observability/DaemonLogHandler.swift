import Foundation
import Logging

/// Writes the service's log lines to standard error in a form journald understands.
///
/// - `text` under systemd (`$JOURNAL_STREAM` set): `<6>message key=value`, the `<N>` being the
///   syslog priority journald files the line under (`journalctl -p warning` then works); no
///   timestamp, since journald adds its own.
/// - `text` elsewhere: `2026-12-01T08:00:00Z info message key=value`.
/// - `json`: one object per line with `time`, `level`, `priority`, `label`, `message` and
///   `metadata`, for log shippers.
///
/// Metadata values are whatever the caller put there; Rhythm never puts a secret in them.
public struct DaemonLogHandler: LogHandler {
    /// How lines are written.
    public enum Format: String, CaseIterable, Sendable {
        case text
        case json
    }

    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level
    private let label: String
    private let format: Format
    private let underJournal: Bool
    private let output: @Sendable (String) -> Void

    /// - Parameters:
    ///   - output: receives each finished line, newline included; standard error by default.
    public init(
        label: String, format: Format, level: Logger.Level = .info,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        output: @escaping @Sendable (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) }
    ) {
        self.label = label
        self.format = format
        self.logLevel = level
        self.underJournal = !(environment["JOURNAL_STREAM"] ?? "").isEmpty
        self.output = output
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        switch format {
        case .text:
            let pairs = merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
            let body = ([event.message.description] + pairs).joined(separator: " ")
            if underJournal {
                output("<\(Self.priority(event.level))>\(Self.oneLine(body))\n")
            } else {
                output("\(Date().formatted(.iso8601)) \(event.level) \(Self.oneLine(body))\n")
            }
        case .json:
            var object: [String: Any] = [
                "time": Date().formatted(.iso8601), "level": event.level.rawValue,
                "priority": Self.priority(event.level), "label": label, "message": event.message.description,
            ]
            if !merged.isEmpty { object["metadata"] = merged.mapValues { "\($0)" } }
            let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
            output(String(decoding: data, as: UTF8.self) + "\n")
        }
    }

    /// The syslog priority of a level: 7 debug ... 2 critical.
    static func priority(_ level: Logger.Level) -> Int {
        switch level {
        case .trace, .debug: 7
        case .info: 6
        case .notice: 5
        case .warning: 4
        case .error: 3
        case .critical: 2
        }
    }

    /// A line break inside a message would start a new, unprefixed journal entry.
    private static func oneLine(_ text: String) -> String {
        text.contains(where: \.isNewline) ? text.split(whereSeparator: \.isNewline).joined(separator: " ⏎ ") : text
    }
}
