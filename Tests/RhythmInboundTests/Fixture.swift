import Foundation
import RhythmMail
import Testing

/// The messages in `Fixtures/`, stored with CRLF line ends as IMAP delivers them.
///
/// Each was written by hand from the formats RFC 5546/6047 and the clients' habits describe
/// (see the comments in the tests that use them), with Rhythm's calendar UIDs
/// (`<series id>@rhythm.test`) and the people of `InboundInitiative`.
enum Fixture: String, CaseIterable, CustomTestStringConvertible {
    /// Outlook accepts the leadership table of 30 March (just after London's clocks go
    /// forward), with `RECURRENCE-ID;TZID="GMT Standard Time"` and `MAILTO:` in capitals.
    case outlookAccepted = "outlook-accepted-occurrence.eml"
    /// Google Calendar accepts the whole leadership series, inline and as `invite.ics`.
    case googleAccepted = "google-accepted-series.eml"
    /// Apple Calendar declines the Melbourne forum of 8 April (just after Melbourne's clocks
    /// go back), quoted-printable, with a COMMENT and a UTC RECURRENCE-ID.
    case appleDeclined = "apple-declined-comment.eml"
    /// A minimal reply: Ana accepts the leadership table of 9 February.
    case plainReply = "plain-reply.eml"
    /// Ana delegates the leadership table of 9 February to Dan.
    case delegated = "delegated.eml"
    /// Someone who is nobody in the configuration accepts.
    case stranger = "stranger-reply.eml"
    /// A reply about another organiser's event (a Google UID).
    case foreignUID = "foreign-uid-reply.eml"
    /// Ana proposes Wednesday 17 February 14:00 for the leadership table of 16 February.
    case counter = "counter.eml"
    /// An Outlook reply wrapped in TNEF (`winmail.dat`), with no calendar part.
    case outlookTNEF = "outlook-tnef.eml"
    /// A reply about the leadership table whose calendar does not parse.
    case broken = "broken-reply.eml"

    var testDescription: String { rawValue }

    /// The message as stored, with each `replacements` key replaced by its value (in the raw
    /// text, so only for parts that are not base64- or quoted-printable-encoded).
    func message(replacing replacements: KeyValuePairs<String, String> = [:]) throws -> ReceivedMessage {
        let url = try #require(Bundle.module.url(forResource: rawValue, withExtension: nil, subdirectory: "Fixtures"))
        var text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        for (old, new) in replacements {
            #expect(text.contains(old), "\(rawValue) has no \(old)")
            text = text.replacingOccurrences(of: old, with: new)
        }
        return try ReceivedMessage(bytes: Array(text.utf8))
    }
}
