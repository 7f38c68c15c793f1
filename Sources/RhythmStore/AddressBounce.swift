import Foundation

/// What Rhythm knows about one e-mail address that mail came back from.
///
/// A permanent failure (5.x.x) makes the address bouncing: Rhythm sends nothing more to it
/// until an operator clears it (`rhythm person clear-bounce`) or the person's configured
/// address changes. Temporary failures (4.x.x, delays) are only counted. The row stays after
/// clearing, with who cleared it and when, because the audit trail has no place for bounces.
public struct AddressBounce: Hashable, Sendable {
    /// The address, lower-cased: mailbox providers treat the case of an address as
    /// insignificant, and so does the comparison with the configuration.
    public var address: String
    /// The person the bounced message was addressed to.
    public var personID: String
    /// Since when mail to the address fails for good; nil when it does not (never did, or was
    /// cleared).
    public var bouncingSince: Date?
    /// The enhanced status code of the last permanent failure, such as `5.1.1`.
    public var statusCode: String?
    /// What the receiving server said about the last permanent failure, secrets removed.
    public var diagnostic: String?
    /// The outbox row of the message whose bounce made the address bouncing.
    public var outboxEntryID: Int64?
    /// How many temporary failures (4.x.x, delays) were reported.
    public var temporaryFailures: Int
    /// When the last failure, permanent or temporary, was recorded.
    public var lastFailureAt: Date
    /// When an operator last cleared the bounce, and who.
    public var clearedAt: Date?
    public var clearedBy: String?

    /// Creates a bounce record.
    public init(
        address: String, personID: String, bouncingSince: Date?, statusCode: String?, diagnostic: String?,
        outboxEntryID: Int64?, temporaryFailures: Int, lastFailureAt: Date, clearedAt: Date? = nil,
        clearedBy: String? = nil
    ) {
        self.address = address
        self.personID = personID
        self.bouncingSince = bouncingSince
        self.statusCode = statusCode
        self.diagnostic = diagnostic
        self.outboxEntryID = outboxEntryID
        self.temporaryFailures = temporaryFailures
        self.lastFailureAt = lastFailureAt
        self.clearedAt = clearedAt
        self.clearedBy = clearedBy
    }

    /// Whether Rhythm stops sending to the address.
    public var isBouncing: Bool { bouncingSince != nil }

    /// The server's words when there are any, else the status code: what a person reads after
    /// "bounces since ...".
    public var reason: String? { diagnostic ?? statusCode }
}

/// One failure a delivery report gave for an address Rhythm sent to.
public struct AddressFailure: Hashable, Sendable {
    /// The failing address as reported; stored lower-cased.
    public var address: String
    public var personID: String
    /// The `message_id` of the outbox entry the report is about (`rhythm-` and 32 hex digits).
    public var outboxMessageID: String
    /// The enhanced status code, such as `5.1.1`.
    public var statusCode: String?
    /// The server's reply, already free of secrets.
    public var diagnostic: String?

    /// Creates a failure.
    public init(
        address: String, personID: String, outboxMessageID: String, statusCode: String?, diagnostic: String?
    ) {
        self.address = address
        self.personID = personID
        self.outboxMessageID = outboxMessageID
        self.statusCode = statusCode
        self.diagnostic = diagnostic
    }
}
