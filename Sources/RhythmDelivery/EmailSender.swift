/// Something that takes a composed e-mail and reports what became of it: ``SMTPSender`` for a
/// real server, ``MaildirSink`` when none is configured.
public protocol EmailSender: Sendable {
    /// Delivers `message` once; the outbox decides about retries from the outcome.
    func send(_ message: EmailMessage) async -> DeliveryOutcome
}
