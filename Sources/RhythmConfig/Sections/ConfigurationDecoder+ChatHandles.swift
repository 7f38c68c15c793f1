import RhythmCore

/// Each chat system mentions people by its own kind of id, and a handle of the wrong form is
/// posted as text that pings nobody (Slack shows `<@meilin>` as it is) or is left out of the
/// post. `check` warns about a handle that cannot be of the right form, and says what is.
extension ConfigurationDecoder {
    /// The form each system's mentions need, as the payload builders use it.
    enum ChatHandleForm: String, CaseIterable {
        case slack
        case teams
        case mattermost
        case discord
        case googleChat = "google-chat"

        /// Why `handle` cannot be a mention here and what to write instead; nil when it can be.
        func problem(with handle: String) -> String? {
            switch self {
            case .slack:
                let isMemberID =
                    (7...15).contains(handle.count) && (handle.first == "U" || handle.first == "W")
                    && handle.allSatisfy { $0.isASCII && ($0.isUppercase || $0.isNumber) }
                return isMemberID
                    ? nil
                    : "Slack mentions need the person's member ID, like U024BE7LH (in Slack: their profile, ⋮, "
                        + "Copy member ID), not a name; \"\(handle)\" would be posted as <@\(handle)>, which Slack "
                        + "shows as text and notifies no one"
            case .teams:
                return Self.isEmailAddress(handle) || Self.isGUID(handle)
                    ? nil
                    : "Teams mentions need the person's sign-in address (user principal name, like "
                        + "mei.lin@example.org) or their Microsoft Entra object id (a GUID); \"\(handle)\" mentions no one"
            case .mattermost:
                let name = handle.hasPrefix("@") ? String(handle.dropFirst()) : handle
                if handle.hasPrefix("@") {
                    return "write the Mattermost username without the @, as \"\(name)\"; Rhythm adds it"
                }
                if ["all", "channel", "here"].contains(name.lowercased()) {
                    return "@\(name) notifies everyone in the channel, so Rhythm never posts it; give the person's "
                        + "own username"
                }
                let valid =
                    (3...22).contains(name.count) && name.first?.isLetter == true
                    && name.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || ".-_".contains($0)) }
                return valid
                    ? nil
                    : "Mattermost usernames are 3 to 22 lowercase letters, digits, '.', '-' or '_', starting with a "
                        + "letter (the name after @ in the person's profile); \"\(handle)\" would mention no one"
            case .discord:
                return (17...20).contains(handle.count) && handle.allSatisfy { $0.isASCII && $0.isNumber }
                    ? nil
                    : "Discord mentions need the person's user ID, 17 to 20 digits (Developer Mode on, then the "
                        + "profile's Copy User ID), not a name; \"\(handle)\" is left out of the post"
            case .googleChat:
                if handle.hasPrefix("users/") {
                    return "write only the number after users/ (Rhythm writes <users/NUMBER>)"
                }
                return !handle.isEmpty && handle.allSatisfy { $0.isASCII && $0.isNumber }
                    ? nil
                    : "Google Chat mentions need the person's numeric user id (the number in users/NUMBER), "
                        + "not a name or an e-mail address; \"\(handle)\" is left out of the post"
            }
        }

        private static func isEmailAddress(_ text: String) -> Bool {
            let parts = text.split(separator: "@", omittingEmptySubsequences: false)
            return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".")
                && !text.contains(where: \.isWhitespace)
        }

        private static func isGUID(_ text: String) -> Bool {
            let groups = text.split(separator: "-", omittingEmptySubsequences: false)
            return groups.map(\.count) == [8, 4, 4, 4, 12] && groups.allSatisfy { $0.allSatisfy(\.isHexDigit) }
        }
    }

    /// Warns, at the handle, when it cannot be a mention in `form`'s chat system.
    func checkChatHandle(_ handle: String, form: ChatHandleForm, at value: ConfigValue) {
        if let problem = form.problem(with: handle) {
            log.warning(problem, at: value.mark, path: value.path)
        }
    }
}
