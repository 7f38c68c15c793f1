import Foundation
import Logging
import RhythmCore
import RhythmDelivery
import RhythmInbound
import RhythmMail
import RhythmStore

/// One read of one organiser mailbox: fetches the messages that arrived since the last read,
/// offers each to the handlers, and tidies the mailbox after them.
///
/// A message a handler took is marked `\Seen` and moved to the processed folder; any other
/// message is left as it was (fetching marks it seen, so the flag is put back). Progress is
/// stored after the read, up to the last message completely dealt with, so a read cut short
/// by an error or a stop starts again at the first message it did not finish.
///
/// When the server renumbered the mailbox (its UIDVALIDITY changed), the stored UID means
/// nothing: the reader starts again from the first message but skips those the server
/// received well before the last read began (``clockMargin``, for the server's clock),
/// which that read already saw. Offering a message twice does no harm: a handled one was
/// moved away, and an unrelated one is unrelated again.
struct InboxReader {
    /// What one read did.
    struct Report: Hashable, Sendable {
        var handled = 0
        var unrelated = 0
        /// Messages left alone because they are larger than Rhythm reads.
        var tooLarge = 0
        /// Whether the mailbox had been renumbered since the last read.
        var renumbered = false
        /// Whether more new messages wait than one read takes.
        var more = false
    }

    /// The most messages one read takes; the rest wait for the next.
    static let batchLimit = 50
    /// How far the mail server's clock (INTERNALDATE) may be off from this machine's.
    static let clockMargin: TimeInterval = 300

    let channelID: String
    let settings: InboundMailboxSettings
    let mailbox: IMAPMailbox
    let handlers: [any InboundMessageHandler]
    let store: AppDatabase
    let initiative: Initiative
    let limits: MailReadingLimits
    let logger: Logger

    func read(now: Date) async throws -> Report {
        var report = Report()
        let state = try store.inboxState(channelID: channelID)
        let status = try await mailbox.status()
        var firstUID: Int64 = 1
        var seenBefore: Date?
        if let state, let validity = state.uidValidity {
            if validity == status.uidValidity {
                firstUID = state.lastUID + 1
            } else {
                report.renumbered = true
                seenBefore = state.readStartedAt.map { $0 - Self.clockMargin }
                logger.warning(
                    """
                    the organiser mailbox was renumbered by its server; reading it again from the start, \
                    skipping what arrived before the last read
                    """,
                    metadata: ["inbox.channel": "\(channelID)"])
            }
        }
        var lastUID = firstUID - 1
        defer {
            do {
                try store.recordInboxRead(
                    channelID: channelID, uidValidity: status.uidValidity, lastUID: max(0, lastUID), startedAt: now,
                    now: Date())
            } catch {
                logger.error(
                    "could not remember how far the organiser mailbox was read",
                    metadata: ["inbox.channel": "\(channelID)", "error": "\(error)"])
            }
        }
        guard status.uidNext > firstUID else { return report }
        let summaries = try await mailbox.summaries(fromUID: firstUID)
        report.more = summaries.count > Self.batchLimit
        var processedFolder: String?
        for summary in summaries.prefix(Self.batchLimit) {
            if let seenBefore, let receivedAt = summary.receivedAt, receivedAt < seenBefore {
                lastUID = summary.uid
                continue
            }
            if summary.size > limits.maximumSize {
                logger.warning(
                    "a message in the organiser mailbox is larger than Rhythm reads; left alone",
                    metadata: [
                        "inbox.channel": "\(channelID)", "imap.uid": "\(summary.uid)", "size": "\(summary.size)",
                    ])
                report.tooLarge += 1
                lastUID = summary.uid
                continue
            }
            let bytes = try await mailbox.message(
                uid: summary.uid, uidValidity: status.uidValidity, limit: limits.maximumSize)
            switch try disposition(of: bytes, uid: summary.uid, now: now) {
            case .handled(let summaryText):
                if processedFolder == nil { processedFolder = try await prepareProcessedFolder() }
                try await mailbox.setSeen(true, uid: summary.uid)
                try await mailbox.move(uid: summary.uid, to: processedFolder ?? settings.processedFolder)
                logger.info(
                    "read a message from the organiser mailbox",
                    metadata: [
                        "inbox.channel": "\(channelID)", "imap.uid": "\(summary.uid)",
                        "inbox.outcome": "\(summaryText)",
                    ])
                report.handled += 1
            case .unrelated:
                if !summary.isSeen { try await mailbox.setSeen(false, uid: summary.uid) }
                report.unrelated += 1
            }
            lastUID = summary.uid
        }
        return report
    }

    /// The first handler's answer, or `.unrelated` when none takes the message or it cannot
    /// be read as mail. A handler's failure (the store) ends the read.
    private func disposition(of bytes: [UInt8], uid: Int64, now: Date) throws -> InboundDisposition {
        let message: ReceivedMessage
        do {
            message = try ReceivedMessage(bytes: bytes, limits: limits)
        } catch {
            logger.notice(
                "a message in the organiser mailbox could not be read as mail; left alone",
                metadata: ["inbox.channel": "\(channelID)", "imap.uid": "\(uid)", "error": "\(error)"])
            return .unrelated
        }
        let context = InboundContext(initiative: initiative, channelID: channelID, now: now)
        for handler in handlers {
            if case .handled(let summary) = try handler.handle(message, in: context) {
                return .handled(summary: summary)
            }
        }
        return .unrelated
    }

    /// The processed folder's full name with the server's separator, created if missing.
    private func prepareProcessedFolder() async throws(IMAPError) -> String {
        let delimiter = try await mailbox.hierarchyDelimiter()
        let name =
            delimiter.map { settings.processedFolder.replacingOccurrences(of: "/", with: String($0)) }
            ?? settings.processedFolder.replacingOccurrences(of: "/", with: "-")
        try await mailbox.createFolder(name)
        return name
    }
}
