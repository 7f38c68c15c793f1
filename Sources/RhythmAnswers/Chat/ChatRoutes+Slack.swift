import Foundation
import HTTPTypes
import Hummingbird
import Logging
import RhythmCore
import RhythmDelivery

extension ChatRoutes {
    /// One press of a Slack button: verified against every Slack channel's signing secret,
    /// then read, matched to a person by their Slack member ID, applied, and shown on the post
    /// through the press's `response_url`. Slack wants the 200 within 3 seconds; the update is
    /// bounded to 2 (``SlackMessageUpdate/timeouts``).
    func slackInteraction(request: Request, body: [UInt8], now: Date) async throws -> Response {
        let initiative = self.initiative()
        guard
            let signature = SlackRequestSignature(
                timestamp: request.headers[.slackRequestTimestamp], signature: request.headers[.slackSignature]),
            signature.isValid(body: body, secrets: slackSecrets(of: initiative), now: now)
        else {
            return Self.text(
                "The request is not signed by a configured Slack app, or its timestamp is more than 5 minutes "
                    + "from now.", status: .unauthorized)
        }
        guard let interaction = SlackInteraction(formBody: body) else {
            return Self.text("The body holds no block_actions payload from a Rhythm button.", status: .badRequest)
        }
        guard let person = initiative.people.first(where: { $0.chatHandles.slack == interaction.userID }) else {
            return Self.slackEphemeral(Self.unknownPersonText)
        }
        let outcome = try await apply(
            interaction.answer, for: person, platform: "slack", initiative: initiative, now: now)
        guard case .applied(let line, _) = outcome else {
            return Self.slackEphemeral(outcome.personalText)
        }
        if let responseURL = interaction.responseURL {
            _ = await slackUpdates.send(line: line, replacing: interaction.message, to: responseURL)
        }
        return Response(status: .ok)
    }

    /// The signing secrets of the Slack channels that have one and whose secret can be read now.
    private func slackSecrets(of initiative: Initiative) -> [ChatSecret] {
        initiative.channels.compactMap { channel in
            guard case .slack(_, let reference?) = channel.kind else { return nil }
            do throws(DeliveryError) {
                return ChatSecret(try secrets.resolve(reference))
            } catch {
                logger.warning(
                    "Slack signing secret unreadable",
                    metadata: ["channel.id": "\(channel.id)", "error.code": "\(error.code)"])
                return nil
            }
        }
    }

    /// A message only the person who pressed sees, leaving the post as it is.
    static func slackEphemeral(_ text: String) -> Response {
        json(["response_type": "ephemeral", "replace_original": false, "text": text])
    }
}

extension HTTPField.Name {
    static let slackRequestTimestamp = HTTPField.Name("X-Slack-Request-Timestamp")!
    static let slackSignature = HTTPField.Name("X-Slack-Signature")!
}
