import Foundation
import RhythmMail
import Testing

/// The delivery reports in `Fixtures/`, stored with CRLF line ends as IMAP returns them.
///
/// Each returns a reminder Rhythm sent (its Message-ID is `<hash@collective.example.org>`,
/// the hash of `BounceFixture.meiLinKey` or `tomWardKey`), except `foreign`, which returns a
/// reply a person sent from the same mailbox.
enum BounceFixture: String, CaseIterable, CustomTestStringConvertible {
    /// Postfix, RFC 3464, 5.1.1, the original's header as `text/rfc822-headers`.
    case postfixPermanent = "postfix-permanent.eml"
    /// Exchange Online, RFC 3464, 5.1.10, the whole original as `message/rfc822`.
    case exchangeReturnedMessage = "exchange-returned-message.eml"
    /// Postfix's delay warning, `Action: delayed`, 4.4.1.
    case postfixDelayed = "postfix-delayed.eml"
    /// A plain-text Gmail-style bounce quoting the original's header inline.
    case gmailPlainBounce = "gmail-plain-bounce.eml"
    /// An RFC 3464 bounce of a person's reply to a Rhythm reminder: not Rhythm's message.
    case foreign = "foreign-bounce.eml"
    /// A success notice (`Action: relayed`).
    case relayed = "relayed-dsn.eml"

    /// The outbox key of the reminder to Mei Lin that the fixtures return.
    static let meiLinKey = "leadership-email|leadership-table|2026-12-08|person:mei-lin"
    /// The outbox key of the reminder to Tom Ward that the Exchange fixture returns.
    static let tomWardKey = "leadership-email|leadership-table|2026-12-08|person:tom-ward"

    var testDescription: String { rawValue }

    /// The message as stored.
    func message() throws -> ReceivedMessage {
        let url = try #require(Bundle.module.url(forResource: rawValue, withExtension: nil, subdirectory: "Fixtures"))
        return try ReceivedMessage(bytes: Array(try Data(contentsOf: url)))
    }
}
