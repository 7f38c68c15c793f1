import Foundation

/// A contact: usually someone at a partner, sometimes backbone staff or a community member.
public struct Person: Hashable, Sendable, Identifiable {
    public let id: String
    public var name: String
    public var email: String
    /// The partner this person represents; nil for independent community members.
    public var partnerID: String?
    /// Where the person lives; reminders show meeting times in this zone.
    public var timeZone: TimeZone
    /// Handles in team chat, used to mention the person in chat reminders.
    public var chatHandles: ChatHandles
    /// Overrides the initiative's quiet hours for this person.
    public var quietHours: QuietHours?
    /// Whether the person wants one e-mail a day instead of one per reminder.
    public var wantsDailyDigest: Bool
    /// Whether the person wants calendar invitations by e-mail (iMIP) instead of a feed.
    public var wantsInvitations: Bool
    /// Whether the person may sign in to the backbone's console (`console: true`).
    public var consoleAccess: Bool

    public init(
        id: String,
        name: String,
        email: String,
        partnerID: String? = nil,
        timeZone: TimeZone,
        chatHandles: ChatHandles = ChatHandles(),
        quietHours: QuietHours? = nil,
        wantsDailyDigest: Bool = false,
        wantsInvitations: Bool = false,
        consoleAccess: Bool = false
    ) {
        self.id = id
        self.name = name
        self.email = email
        self.partnerID = partnerID
        self.timeZone = timeZone
        self.chatHandles = chatHandles
        self.quietHours = quietHours
        self.wantsDailyDigest = wantsDailyDigest
        self.wantsInvitations = wantsInvitations
        self.consoleAccess = consoleAccess
    }
}

/// A person's user names or ids in the chat systems Rhythm posts to.
public struct ChatHandles: Hashable, Sendable {
    public var slack: String?
    public var teams: String?
    public var mattermost: String?
    public var discord: String?
    public var googleChat: String?

    public init(
        slack: String? = nil,
        teams: String? = nil,
        mattermost: String? = nil,
        discord: String? = nil,
        googleChat: String? = nil
    ) {
        self.slack = slack
        self.teams = teams
        self.mattermost = mattermost
        self.discord = discord
        self.googleChat = googleChat
    }
}
