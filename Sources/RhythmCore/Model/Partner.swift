/// A member organisation of the initiative.
public struct Partner: Hashable, Sendable, Identifiable {
    /// The sector a partner works in; Collective Impact depends on mixing them.
    public enum Sector: Hashable, Sendable {
        case community
        case education
        case government
        case health
        case business
        case philanthropy
        case livedExperience
        case research
        /// A sector the built-in list does not name.
        case other(String)

        /// Every sector with a name of its own, for suggestions.
        public static let named: [Sector] = [
            .community, .education, .government, .health, .business, .philanthropy, .livedExperience, .research,
        ]

        /// The configuration spelling, such as `lived-experience`.
        public var name: String {
            switch self {
            case .community: "community"
            case .education: "education"
            case .government: "government"
            case .health: "health"
            case .business: "business"
            case .philanthropy: "philanthropy"
            case .livedExperience: "lived-experience"
            case .research: "research"
            case .other(let name): name
            }
        }

        /// Reads the configuration spelling; anything not built in becomes `.other`.
        public init(name: String) {
            self = Sector.named.first { $0.name == name } ?? .other(name)
        }
    }

    public let id: String
    public var name: String
    public var sector: Sector

    public init(id: String, name: String, sector: Sector) {
        self.id = id
        self.name = name
        self.sector = sector
    }
}
