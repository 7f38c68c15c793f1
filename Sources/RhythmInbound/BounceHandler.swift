import Foundation
import RhythmCore
import RhythmMail
import RhythmStore

/// Notes what delivery reports say about the e-mails Rhythm sent: a permanent failure marks
/// the recipient's address as bouncing (and Rhythm stops writing to it), a temporary one is
/// counted.
///
/// A report is Rhythm's business only when it returns a Message-ID Rhythm generated (from the
/// returned header, the returned message, or a `Message-ID:` line the text quotes) and that
/// id is in the outbox: a shared mailbox also receives other people's bounces, so a report is
/// never matched by address alone. The failing address must then be the configured address
/// of the person the entry was sent to, compared case-insensitively. A report Rhythm cannot
/// read that far is left in the mailbox for a person.
public struct BounceHandler: InboundMessageHandler {
    let store: AppDatabase

    /// Creates a handler that records bounces in `store`.
    public init(store: AppDatabase) {
        self.store = store
    }

    public func handle(_ message: ReceivedMessage, in context: InboundContext) throws -> InboundDisposition {
        guard let report = DeliveryReport(message: message),
            let entry = try sentEntry(returnedIn: message, report: report)
        else { return .unrelated }
        let statuses = report.recipients.filter { $0.outcome != nil }
        if !statuses.isEmpty, statuses.allSatisfy({ $0.outcome == .delivered }) {
            return .handled(summary: "delivery notice for outbox entry \(entry.messageID); nothing recorded")
        }
        guard let person = recipient(of: entry, in: context.initiative),
            let status = Self.mostSevere(statuses.filter { Self.names(person.email, $0) })
        else { return .unrelated }
        let failure = AddressFailure(
            address: person.email, personID: person.id, outboxMessageID: entry.messageID,
            statusCode: status.status?.description,
            diagnostic: status.diagnosticCode.flatMap(BounceDiagnostic.sanitized))
        switch status.outcome {
        case .permanentFailure:
            try store.recordPermanentFailure(failure, now: context.now)
            return .handled(
                summary: "permanent failure (\(failure.statusCode ?? "no code")) for person \(person.id), outbox "
                    + "entry \(entry.messageID): the address now bounces and is not written to")
        case .temporaryFailure, .delayed:
            let counted = try store.recordTemporaryFailure(failure, now: context.now)
            return .handled(
                summary: "temporary failure (\(failure.statusCode ?? "no code")) for person \(person.id), outbox "
                    + "entry \(entry.messageID): counted (\(counted.temporaryFailures) so far)")
        case .delivered, nil:
            return .handled(summary: "delivery notice for outbox entry \(entry.messageID); nothing recorded")
        }
    }

    /// The outbox entry of the first returned Message-ID that is one of Rhythm's.
    private func sentEntry(returnedIn message: ReceivedMessage, report: DeliveryReport) throws -> OutboxEntry? {
        for identifier in Self.returnedMessageIDs(message, report: report) {
            guard let outboxID = SentMessageID.outboxMessageID(forEmailID: identifier) else { continue }
            if let entry = try store.outboxEntry(messageID: outboxID) { return entry }
        }
        return nil
    }

    /// The Message-IDs a bounce returns, the most reliable first: the report's own reading,
    /// each returned message or header part, then `Message-ID:` lines quoted in the text.
    static func returnedMessageIDs(_ message: ReceivedMessage, report: DeliveryReport) -> [String] {
        let returnedTypes: Set<String> = [
            "message/rfc822", "text/rfc822-headers", "message/global", "message/global-headers",
        ]
        let embedded = message.parts.filter { returnedTypes.contains($0.mediaType) }.compactMap { part in
            (try? ReceivedMessage(embeddedIn: part))?.messageID
        }
        let quoted = message.parts.filter { $0.mediaType == "text/plain" }.compactMap(\.text)
            .flatMap(SentMessageID.quoted(in:))
        return [report.originalMessageID].compactMap { $0 } + embedded + quoted
    }

    /// The person an entry was sent to (`person:<id>`) as the configuration has them now.
    private func recipient(of entry: OutboxEntry, in initiative: Initiative) -> Person? {
        guard entry.recipient.hasPrefix("person:") else { return nil }
        let id = entry.recipient.dropFirst("person:".count)
        return initiative.people.first { $0.id == id }
    }

    /// Whether a report's recipient is `address`, as given (`Original-Recipient`) or as
    /// finally tried (`Final-Recipient`).
    private static func names(_ address: String, _ status: DeliveryRecipientStatus) -> Bool {
        [status.originalRecipient, status.finalRecipient].contains { $0?.lowercased() == address.lowercased() }
    }

    /// A permanent failure before a temporary one or a delay, before a delivery.
    private static func mostSevere(_ statuses: [DeliveryRecipientStatus]) -> DeliveryRecipientStatus? {
        func rank(_ outcome: DeliveryRecipientStatus.Outcome?) -> Int {
            switch outcome {
            case .permanentFailure: 3
            case .temporaryFailure, .delayed: 2
            case .delivered: 1
            case nil: 0
            }
        }
        return statuses.max { rank($0.outcome) < rank($1.outcome) }
    }
}
