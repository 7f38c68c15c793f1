import Foundation
import RhythmCore
import RhythmDelivery
import RhythmStore

extension MessageComposer {
    /// The e-mail that signs `entry`'s person in to the console; nil when they may no longer
    /// sign in (no longer `console: true`, or gone) or the channel is no longer an e-mail one.
    ///
    /// The one-time link is issued here, when the message is composed, so the outbox never
    /// holds a secret; a retry issues a new one, and the old one expires unused.
    func consoleSignInMessage(for entry: OutboxEntry, personID: String, now: Date) throws -> OutgoingMessage? {
        guard let person = initiative.people.first(where: { $0.id == personID && $0.consoleAccess }),
            let channel = initiative.channels.first(where: { $0.id == entry.channelID }),
            case .email(let email) = channel.kind
        else { return nil }
        let policy = ConsoleSessionPolicy()
        let token = try links.store.issueConsoleSignInLink(personID: person.id, now: now, policy: policy)
        let minutes = Int(policy.signInLinkLifetime / 60)
        let body = EmailBody([
            .paragraph("Someone (we hope you) asked to sign in to the console of \(initiative.name)."),
            .links([MessageLink(label: "Sign in", url: "\(links.baseURL)/console/s/\(token)")]),
            .paragraph(
                "The link works once, for \(minutes) minutes. If you did not ask for it, ignore this message: "
                    + "nobody can sign in without opening it."),
        ])
        let subject = entry.subject ?? Self.consoleSignInSubject(initiative: initiative)
        return .email(
            EmailMessage(
                from: try EmailAddress(parsing: email.from),
                to: [try EmailAddress(person.email, displayName: person.name)], subject: subject,
                text: body.text(greeting: person.name), html: body.html(title: subject, greeting: person.name),
                deliveryKey: entry.key, date: entry.createdAt))
    }

    /// The subject line of a console sign-in message.
    static func consoleSignInSubject(initiative: Initiative) -> String {
        "Sign in to the console of \(initiative.name)"
    }
}
