/// A set of people and whole partners who meet together: a working group, an action team,
/// the leadership table's membership, the backbone team.
public struct Group: Hashable, Sendable, Identifiable {
    /// What a group is for; it decides nothing in code but reads well on agendas.
    public enum Kind: Hashable, Sendable {
        case leadershipTable
        case workingGroup
        case actionTeam
        case backbone
        case other(String)

        /// The built-in kinds, for suggestions.
        public static let named: [Kind] = [.leadershipTable, .workingGroup, .actionTeam, .backbone]

        /// The configuration spelling, such as `working-group`.
        public var name: String {
            switch self {
            case .leadershipTable: "leadership-table"
            case .workingGroup: "working-group"
            case .actionTeam: "action-team"
            case .backbone: "backbone"
            case .other(let name): name
            }
        }

        /// Reads the configuration spelling; anything not built in becomes `.other`.
        public init(name: String) {
            self = Kind.named.first { $0.name == name } ?? .other(name)
        }
    }

    public let id: String
    public var name: String
    public var kind: Kind
    /// People who belong to the group by name.
    public var memberPeople: [String]
    /// Partners who belong as a whole: every person of theirs is a member.
    public var memberPartners: [String]
    /// The chat channel where the group talks, for chat reminders addressed to the group.
    public var channelID: String?

    public init(
        id: String,
        name: String,
        kind: Kind,
        memberPeople: [String] = [],
        memberPartners: [String] = [],
        channelID: String? = nil
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.memberPeople = memberPeople
        self.memberPartners = memberPartners
        self.channelID = channelID
    }
}
