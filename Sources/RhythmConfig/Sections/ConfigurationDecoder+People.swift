import Foundation
import RhythmCore

/// `people:`, the contacts who attend meetings and receive reminders.
extension ConfigurationDecoder {
    /// How a person wants reminders gathered.
    enum DigestChoice: String, CaseIterable {
        case daily
        case none
    }

    func decodePerson(_ value: ConfigValue, defaultZone: TimeZone) -> Person? {
        let keys = [
            "id", "name", "email", "partner", "time_zone", "chat", "quiet_hours", "digest", "invitations", "console",
        ]
        guard let fields = fields(of: value, allowed: keys) else { return nil }
        let id = identifier(fields, kind: .person)
        let name = fields.required("name").flatMap(text)
        let email = fields.required("email", "where agendas and reminders go").flatMap(emailAddress)
        let partner = fields.optional("partner").map { reference($0, to: .partner) }
        let zone = fields.optional("time_zone").map(timeZone)
        let chat = fields.optional("chat").map(chatHandles)
        let quiet = fields.optional("quiet_hours").map(quietHours)
        let digest = fields.optional("digest").map { choice($0, DigestChoice.self) }
        let invitations = fields.optional("invitations").map(boolean)
        let console = fields.optional("console").map(boolean)
        guard let id, let name, let email, partner != .some(nil), zone != .some(nil), chat != .some(nil),
            quiet != .some(nil), digest != .some(nil), invitations != .some(nil), console != .some(nil)
        else { return nil }
        return Person(
            id: id, name: name, email: email, partnerID: partner ?? nil, timeZone: (zone ?? nil) ?? defaultZone,
            chatHandles: (chat ?? nil) ?? ChatHandles(), quietHours: quiet ?? nil,
            wantsDailyDigest: (digest ?? nil) == .daily, wantsInvitations: (invitations ?? nil) ?? false,
            consoleAccess: (console ?? nil) ?? false
        )
    }

    /// `{ slack: U02PRIYA, teams: name@example.org }`.
    private func chatHandles(_ value: ConfigValue) -> ChatHandles? {
        let systems = ChatHandleForm.allCases
        guard let fields = fields(of: value, allowed: systems.map(\.rawValue)) else { return nil }
        let handles = systems.map { form in
            fields.optional(form.rawValue).map { value in
                let handle = text(value)
                if let handle { checkChatHandle(handle, form: form, at: value) }
                return handle
            }
        }
        guard !handles.contains(where: { $0 == .some(nil) }) else { return nil }
        return ChatHandles(
            slack: handles[0] ?? nil, teams: handles[1] ?? nil, mattermost: handles[2] ?? nil,
            discord: handles[3] ?? nil, googleChat: handles[4] ?? nil
        )
    }
}
