import Foundation
import RhythmMail
import Testing

/// The hand-written messages in `Fixtures/`, as IMAP would deliver them.
///
/// The files are stored with LF line ends (so that diffs stay readable); `bytes` turns every LF
/// into CRLF, which is what `FETCH BODY[]` returns.
enum Fixture: String, CaseIterable, CustomTestStringConvertible {
    case gmailReply = "gmail-reply.eml"
    case outlookReply = "outlook-reply.eml"
    case appleReply = "apple-reply.eml"
    case postfixDSN = "postfix-dsn.eml"
    case exchangeNDR = "exchange-ndr.eml"
    case gmailDSN = "gmail-dsn.eml"
    case qmailBounce = "qmail-bounce.eml"

    var testDescription: String { rawValue }

    /// The file's bytes exactly as stored (LF line ends).
    func storedBytes() throws -> [UInt8] {
        let url = try #require(
            Bundle.module.url(forResource: rawValue, withExtension: nil, subdirectory: "Fixtures"))
        return Array(try Data(contentsOf: url))
    }

    /// The message with CRLF line ends.
    func bytes() throws -> [UInt8] {
        var result: [UInt8] = []
        for byte in try storedBytes() {
            if byte == 0x0A { result.append(0x0D) }
            result.append(byte)
        }
        return result
    }

    /// The message read with the default limits.
    func message() throws -> ReceivedMessage {
        try ReceivedMessage(bytes: try bytes())
    }
}
