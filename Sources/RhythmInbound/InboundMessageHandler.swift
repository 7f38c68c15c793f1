import Foundation
import RhythmCore
import RhythmMail

/// Something Rhythm does with messages from its organiser mailbox: apply a calendar reply,
/// note a bounce.
///
/// The inbox reader offers each new message to its handlers in turn until one says the
/// message is its business. A handled message is marked seen and moved out of the inbox; a
/// message no handler wants is left exactly as it was, unread, because the mailbox may be
/// shared with people.
public protocol InboundMessageHandler: Sendable {
    /// Acts on `message` when it is this handler's business.
    ///
    /// Throws only when the store fails: the message is then left where it is, and read
    /// again next time.
    func handle(_ message: ReceivedMessage, in context: InboundContext) throws -> InboundDisposition
}

/// What a handler knows besides the message.
public struct InboundContext: Sendable {
    /// The configuration in force: series, people and their addresses.
    public var initiative: Initiative
    /// The e-mail channel whose mailbox the message came from.
    public var channelID: String
    public var now: Date

    public init(initiative: Initiative, channelID: String, now: Date) {
        self.initiative = initiative
        self.channelID = channelID
        self.now = now
    }
}

/// What a handler made of a message.
public enum InboundDisposition: Hashable, Sendable {
    /// Rhythm's business and dealt with, whether it changed anything or was refused (a reply
    /// from a stranger, a superseded reply): the message is marked seen and moved to the
    /// processed folder. `summary` is one line for the log, naming ids and what happened,
    /// never the message's text.
    case handled(summary: String)
    /// Not this handler's business; the next handler is asked, and if none wants it the
    /// message stays unread where it is.
    case unrelated
}
