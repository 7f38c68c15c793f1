/// Whose meetings a private calendar feed shows: one partner's, one person's or one group's.
///
/// Written `partner:brightwater-council`, `person:fiona-mcallister` or `group:attendance-wg`
/// on the command line and in the store, so that a token can be named without the store
/// knowing the configuration.
public enum FeedSubject: Hashable, Sendable, CustomStringConvertible {
    /// A partner organisation's feed: every meeting the partner takes part in.
    case partner(String)
    /// One person's feed: the meetings they attend, directly or through a group or partner.
    case person(String)
    /// A group's feed: the meetings the group holds or is invited to.
    case group(String)

    /// The three kinds of subject, spelt as in the configuration's sections.
    public enum Kind: String, CaseIterable, Sendable {
        /// An id under `partners:`.
        case partner
        /// An id under `people:`.
        case person
        /// An id under `groups:`.
        case group
    }

    /// Reads `kind:id`; nil when the kind is unknown or the id is empty.
    public init?(parsing text: String) {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let id = String(text[text.index(after: colon)...])
        guard let kind = Kind(rawValue: String(text[..<colon])) else { return nil }
        self.init(kind: kind, id: id)
    }

    /// Pairs a kind with an id; nil when the id is empty or holds a colon or whitespace,
    /// which no configuration id does.
    public init?(kind: Kind, id: String) {
        guard !id.isEmpty, !id.contains(where: { $0 == ":" || $0.isWhitespace }) else { return nil }
        switch kind {
        case .partner: self = .partner(id)
        case .person: self = .person(id)
        case .group: self = .group(id)
        }
    }

    /// Which section of the configuration the id belongs to.
    public var kind: Kind {
        switch self {
        case .partner: .partner
        case .person: .person
        case .group: .group
        }
    }

    /// The partner's, person's or group's id in the configuration.
    public var id: String {
        switch self {
        case .partner(let id), .person(let id), .group(let id): id
        }
    }

    /// `partner:brightwater-council`; `init?(parsing:)` reads it back.
    public var description: String {
        "\(kind.rawValue):\(id)"
    }
}
