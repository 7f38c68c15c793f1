import Foundation
import Hummingbird
import Logging
import RhythmCore
import RhythmDelivery

extension ChatRoutes {
    /// The body Mattermost posts when a button is pressed; Rhythm reads only these fields.
    struct MattermostAction: Decodable {
        var userName: String?
        var context: MattermostButtonContext?

        enum CodingKeys: String, CodingKey {
            case userName = "user_name"
            case context
        }
    }

    /// One press of a Mattermost button: its context's HMAC is checked with the buttons
    /// secret of the channel it names, then the person is the one whose `mattermost` handle is
    /// `user_name` (case-insensitively), and the answer is applied. The response replaces the
    /// post with its text plus who answered (`update`) and tells the person (`ephemeral_text`).
    ///
    /// Mattermost signs nothing: the user fields are its word, and the HMAC proves only that
    /// the button came from Rhythm. The README says how to keep the endpoint to Mattermost.
    func mattermostAction(body: [UInt8], now: Date) async throws -> Response {
        let initiative = self.initiative()
        let action = try? JSONDecoder().decode(MattermostAction.self, from: Data(body))
        guard let context = action?.context, let buttons = mattermostButtons(context.channel, in: initiative),
            let answer = context.verifiedAnswer(with: buttons.secret)
        else {
            return Self.text(
                "The button's context is missing or not signed with a configured Mattermost channel's buttons secret.",
                status: .unauthorized)
        }
        let name = action?.userName.map { $0.hasPrefix("@") ? String($0.dropFirst()) : $0 }?.lowercased()
        guard let name, !name.isEmpty,
            let person = initiative.people.first(where: { $0.chatHandles.mattermost?.lowercased() == name })
        else {
            return Self.json(["ephemeral_text": Self.unknownPersonText])
        }
        let outcome = try await apply(answer, for: person, platform: "mattermost", initiative: initiative, now: now)
        guard case .applied(let line, let confirmation) = outcome else {
            return Self.json(["ephemeral_text": outcome.personalText])
        }
        let text = context.message + "\n\n✓ " + ChatTextEscaping.mattermost(line)
        return Self.json(
            MattermostPayload.update(
                text: text, answers: answer.buttonsOfItsPost, serviceURL: settings.baseURL, buttons: buttons,
                ephemeral: confirmation))
    }

    /// The Mattermost channel `channelID` with its buttons secret, when it has one that can be
    /// read now.
    private func mattermostButtons(_ channelID: String, in initiative: Initiative) -> MattermostPayload.Buttons? {
        guard let channel = initiative.channels.first(where: { $0.id == channelID }),
            case .mattermost(_, let reference?) = channel.kind
        else { return nil }
        do throws(DeliveryError) {
            return ChatSecret(try secrets.resolve(reference)).map {
                MattermostPayload.Buttons(channelID: channel.id, secret: $0)
            }
        } catch {
            logger.warning(
                "Mattermost buttons secret unreadable",
                metadata: ["channel.id": "\(channel.id)", "error.code": "\(error.code)"])
            return nil
        }
    }
}
