import Foundation
import RhythmCore

/// What a Mattermost button carries in its `integration.context`, which Mattermost sends back
/// unchanged with the press: the answer, the channel, the post's text (so the post can be
/// rebuilt with who answered, as Mattermost sends no post) and an HMAC-SHA256 of the three
/// made with the channel's buttons secret. Mattermost signs nothing itself; the signature
/// proves that the button, its answer and its text came from Rhythm for that channel.
public struct MattermostButtonContext: Codable, Hashable, Sendable {
    /// The answer and its subject, as `ChatAnswer.value` spells it.
    public var answer: String
    /// The Rhythm channel whose buttons secret signed it.
    public var channel: String
    /// The post's Markdown text, with the answers shown so far.
    public var message: String
    /// Lower-case hex HMAC-SHA256 of ``signedText``.
    public var signature: String

    /// The context for `answer` on `channelID`, signed with `secret`.
    public init(answer: ChatAnswer, channelID: String, message: String, secret: ChatSecret) {
        self.answer = answer.value
        channel = channelID
        self.message = message
        signature = ""
        signature = secret.signature(of: Data(signedText.utf8))
    }

    /// The bytes the signature covers: a version, the channel, the answer and the text, one a
    /// line (only the text, last, may hold line breaks).
    var signedText: String { "rhythm-mattermost-buttons-v1\n\(channel)\n\(answer)\n\(message)" }

    /// The answer, when the signature is `secret`'s over this context; nil when forged,
    /// altered or not an answer Rhythm gives.
    public func verifiedAnswer(with secret: ChatSecret) -> ChatAnswer? {
        guard secret.isSignature(signature, of: Data(signedText.utf8)) else { return nil }
        return ChatAnswer(value: answer)
    }
}
