import ArgumentParser
import Foundation
import RhythmConfig
import RhythmCore
import RhythmStore

/// `rhythm outbox`: what has been and will be sent, and what to do about failures.
struct OutboxCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outbox",
        abstract: "List, inspect, retry and purge the reminders and invitations in the outbox.",
        discussion: """
            Every reminder and invitation is written to the outbox before it is sent, one \
            entry per recipient and channel. Statuses: pending (waiting for its time or its \
            next attempt; "held" when it waits for an operator after a configuration \
            error), sending, sent, dead (refused for good, or retried past its usefulness: \
            the server's last reply says why), withdrawn (its meeting was cancelled or its \
            action closed first) and skipped (due while Rhythm was not running, and too late \
            by the time it was; or an e-mail to an address that bounces, which the last \
            reply names with `rhythm person clear-bounce`).

            Examples:
              rhythm outbox list --status dead
              rhythm outbox show rhythm-4f1c2a...
              rhythm outbox retry --channel backbone-slack
              rhythm outbox purge --older-than 90
            """,
        subcommands: [List.self, Show.self, Retry.self, Purge.self]
    )

    /// An entry by its key or its message id (`rhythm-` and 32 hex digits).
    static func entry(_ reference: String, in store: AppDatabase) throws -> OutboxEntry {
        let found = try DatabaseOptions.checked { () throws(StoreError) -> OutboxEntry? in
            if let entry = try store.outboxEntry(key: reference) { return entry }
            return try store.outboxEntry(messageID: reference)
        }
        guard let found else {
            StandardError.print(
                "error: no outbox entry has the key or message id \"\(reference)\"; see rhythm outbox list.")
            throw ExitCode(64)
        }
        return found
    }
}

extension OutboxStatus: ExpressibleByArgument {}

extension OutboxCommand {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List outbox entries, earliest due first.")

        @OptionGroup var options: RhythmOptions

        @Option(
            help: ArgumentHelp(
                "Only entries in this status: \(OutboxStatus.allCases.map(\.rawValue).joined(separator: ", ")).",
                valueName: "status"))
        var status: OutboxStatus?

        @Option(help: ArgumentHelp("Only entries of this channel.", valueName: "id"))
        var channel: String?

        @Option(help: ArgumentHelp("At most this many entries (default 100).", valueName: "n"))
        var limit = 100

        @Option(help: ArgumentHelp("text or json.", valueName: "format"))
        var format: OutputFormat = .text

        func validate() throws {
            guard limit >= 1 else { throw ValidationError("--limit must be at least 1; found \(limit).") }
        }

        func run() throws {
            let store = try options.openDatabase()
            let entries = try DatabaseOptions.checked { () throws(StoreError) in
                try store.outboxEntries(status: status, channelID: channel, limit: limit)
            }
            switch format {
            case .json:
                print(try JSONOutput.encoded(entries.map(OutboxEntryJSON.init)))
            case .text:
                guard !entries.isEmpty else {
                    print("The outbox has no entries\(status.map { " in status \($0.rawValue)" } ?? "").")
                    return
                }
                let rows = entries.map { entry in
                    [
                        entry.due.formatted(.iso8601), entry.statusText, "\(entry.attempts)", entry.channelID,
                        entry.recipient, entry.kind?.rawValue ?? "-",
                        entry.subject.map { String($0.prefix(60)) } ?? "-",
                        entry.messageID, entry.lastReply.map { String($0.prefix(60)) } ?? "",
                    ]
                }
                print(
                    TextTable.lines(
                        header: [
                            "DUE (UTC)", "STATUS", "TRIES", "CHANNEL", "TO", "KIND", "SUBJECT", "MESSAGE ID",
                            "LAST REPLY",
                        ],
                        rows: rows
                    ).joined(separator: "\n"))
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one entry in full.")

        @OptionGroup var options: RhythmOptions

        @Argument(help: ArgumentHelp("The entry's key or message id.", valueName: "key-or-message-id"))
        var reference: String

        @Option(help: ArgumentHelp("text or json.", valueName: "format"))
        var format: OutputFormat = .text

        func run() throws {
            let store = try options.openDatabase()
            let entry = try OutboxCommand.entry(reference, in: store)
            switch format {
            case .json: print(try JSONOutput.encoded(OutboxEntryJSON(entry)))
            case .text:
                let fields: [(String, String)] = [
                    ("key", entry.key), ("message id", entry.messageID), ("status", entry.statusText),
                    ("channel", entry.channelID), ("to", entry.recipient), ("kind", entry.kind?.rawValue ?? "-"),
                    ("subject", entry.subject ?? "-"), ("due", entry.due.formatted(.iso8601)),
                    ("useful until", entry.usefulUntil.formatted(.iso8601)), ("attempts", "\(entry.attempts)"),
                    ("next attempt", entry.nextAttemptAt.formatted(.iso8601)),
                    ("last reply", entry.lastReply ?? "none"), ("created", entry.createdAt.formatted(.iso8601)),
                    ("updated", entry.updatedAt.formatted(.iso8601)),
                ]
                let width = fields.map(\.0.count).max() ?? 0
                for (name, value) in fields {
                    print("\(name.padding(toLength: width, withPad: " ", startingAt: 0))  \(value)")
                }
            }
        }
    }

    struct Retry: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Send dead or held entries again at the next dispatch.",
            discussion: """
                Give one entry (key or message id), --dead for every dead entry, or --channel ID \
                to re-enable a channel whose webhook answered 410 Gone and release its held \
                entries. An entry past its useful time is then recorded as skipped instead.
                """)

        @OptionGroup var options: RhythmOptions

        @Argument(help: ArgumentHelp("The entry's key or message id.", valueName: "key-or-message-id"))
        var reference: String?

        @Flag(help: "Every dead entry.")
        var dead = false

        @Option(help: ArgumentHelp("Re-enable this channel and release its held entries.", valueName: "id"))
        var channel: String?

        func validate() throws {
            let chosen = [reference != nil, dead, channel != nil].filter { $0 }.count
            guard chosen == 1 else {
                throw ValidationError("Give exactly one of: an entry's key or message id, --dead, or --channel ID.")
            }
        }

        func run() throws {
            let store = try options.openDatabase()
            let now = Date()
            if let reference {
                let entry = try OutboxCommand.entry(reference, in: store)
                let retried = try DatabaseOptions.checked { () throws(StoreError) in
                    try store.retry(key: entry.key, now: now)
                }
                guard let retried, retried.status == .pending, !retried.isHeld, retried.attempts == 0 else {
                    StandardError.print(
                        "error: \(entry.messageID) is \(entry.statusText); only dead or held entries can be retried.")
                    throw ExitCode(64)
                }
                print("\(entry.messageID) will be sent at the next dispatch.")
            } else if dead {
                let count = try DatabaseOptions.checked { () throws(StoreError) in try store.retryDead(now: now) }
                print(
                    "\(Plural.phrase(count, "dead entry", plural: "dead entries")) will be sent at the next dispatch.")
            } else if let channel {
                let count = try DatabaseOptions.checked { () throws(StoreError) in
                    try store.enableChannel(id: channel, now: now)
                }
                print("\(channel) is enabled; \(Plural.phrase(count, "held entry", plural: "held entries")) released.")
            }
        }
    }

    struct Purge: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Delete finished entries (sent, dead, withdrawn, skipped) older than some days.")

        @OptionGroup var options: RhythmOptions

        @Option(
            help: ArgumentHelp("Entries last changed more than this many days ago (default 90).", valueName: "days"))
        var olderThan = 90

        @Option(help: ArgumentHelp("Only entries in this finished status (repeatable).", valueName: "status"))
        var status: [OutboxStatus] = []

        func validate() throws {
            guard olderThan >= 0 else { throw ValidationError("--older-than must be 0 or more; found \(olderThan).") }
            if let open = status.first(where: { !OutboxStatus.finished.contains($0) }) {
                throw ValidationError(
                    "--status \(open.rawValue) is not finished; purge takes sent, dead, withdrawn or skipped.")
            }
        }

        func run() throws {
            let store = try options.openDatabase()
            let cutoff = Date() - TimeInterval(olderThan) * 86_400
            let statuses = status.isEmpty ? OutboxStatus.finished : Set(status)
            let count = try DatabaseOptions.checked { () throws(StoreError) in
                try store.purge(olderThan: cutoff, statuses: statuses)
            }
            print("Deleted \(Plural.phrase(count, "entry", plural: "entries")).")
        }
    }
}

extension OutboxEntry {
    /// `pending`, `pending (held)`, `sent`, ...
    var statusText: String {
        status == .pending && isHeld ? "held" : status.rawValue
    }
}

/// One entry as `--format json` prints it.
struct OutboxEntryJSON: Encodable {
    let key: String
    let messageId: String
    let status: String
    let held: Bool
    let channel: String
    let recipient: String
    /// reminder, agenda, digest, invitation or cancellation; left out, like the subject, for
    /// an entry planned before Rhythm recorded them.
    let kind: String?
    let subject: String?
    let due: String
    let usefulUntil: String
    let attempts: Int
    let nextAttemptAt: String
    let lastReply: String?
    let createdAt: String
    let updatedAt: String

    init(_ entry: OutboxEntry) {
        key = entry.key
        messageId = entry.messageID
        status = entry.status.rawValue
        held = entry.isHeld
        channel = entry.channelID
        recipient = entry.recipient
        kind = entry.kind?.rawValue
        subject = entry.subject
        due = entry.due.formatted(.iso8601)
        usefulUntil = entry.usefulUntil.formatted(.iso8601)
        attempts = entry.attempts
        nextAttemptAt = entry.nextAttemptAt.formatted(.iso8601)
        lastReply = entry.lastReply
        createdAt = entry.createdAt.formatted(.iso8601)
        updatedAt = entry.updatedAt.formatted(.iso8601)
    }
}
