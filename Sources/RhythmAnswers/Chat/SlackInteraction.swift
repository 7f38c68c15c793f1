import Foundation
import RhythmCore

/// What Rhythm reads of a Slack `block_actions` payload (the form field `payload`, JSON): who
/// pressed (`user.id`, the member ID), the Rhythm button (the first action whose `value` is a
/// `ChatAnswer`), where to update the post (`response_url`) and the post itself (`message`).
/// Read only after the request's signature was checked.
struct SlackInteraction {
    let userID: String
    let answer: ChatAnswer
    let responseURL: String?
    /// The post as Slack sent it, to be sent back with who answered.
    let message: [String: Any]?

    /// Reads the form body; nil when it holds no such payload.
    init?(formBody: [UInt8]) {
        guard let text = FormBody(parsing: String(decoding: formBody, as: UTF8.self))["payload"],
            let payload = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any],
            payload["type"] as? String == "block_actions",
            let userID = (payload["user"] as? [String: Any])?["id"] as? String, !userID.isEmpty,
            let actions = payload["actions"] as? [[String: Any]],
            let answer = actions.lazy.compactMap({ ($0["value"] as? String).flatMap(ChatAnswer.init(value:)) }).first
        else { return nil }
        self.userID = userID
        self.answer = answer
        responseURL = payload["response_url"] as? String
        message = payload["message"] as? [String: Any]
    }
}
