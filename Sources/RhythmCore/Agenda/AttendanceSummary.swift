/// The answers for one meeting, as the agenda header and the organiser see them: how many
/// confirmed out of how many invited, the apologies, the maybes, and who has not answered.
///
/// Counting, fixed here so the agenda, the organiser's e-mail and the quorum agree:
/// - Coming are those who answered "I'll be there" and the colleagues named to come instead
///   in an apology, unless that colleague sent apologies too. A colleague named to come
///   instead has answered, even without an answer of their own.
/// - Invited are the series' attendees (`Initiative.attendeeIDs(of:)`); people who answered
///   without being invited still count as coming.
/// - People are listed in the configuration's order.
public struct AttendanceSummary: Hashable, Sendable {
    /// A person who cannot come, and who comes instead.
    public struct Apology: Hashable, Sendable {
        public var personName: String
        /// Nil for people who belong to no partner.
        public var partnerName: String?
        public var note: String?
        /// The colleague who comes instead; nil when nobody does.
        public var delegateName: String?

        public init(personName: String, partnerName: String?, note: String?, delegateName: String?) {
            self.personName = personName
            self.partnerName = partnerName
            self.note = note
            self.delegateName = delegateName
        }
    }

    /// How many people the series invites.
    public var invitedCount: Int
    /// The ids of everyone coming, in the configuration's order.
    public var comingPersonIDs: [String]
    /// How many distinct partners the people coming belong to.
    public var comingPartnerCount: Int
    public var apologies: [Apology]
    /// The names of those who answered "maybe".
    public var tentativeNames: [String]
    /// The names of invited people with no answer.
    public var notAnsweredNames: [String]
    /// Whether anyone has answered at all.
    public var hasAnswers: Bool

    /// How many are coming.
    public var confirmedCount: Int { comingPersonIDs.count }

    /// Nobody invited and nobody answered: what a meeting with no answers shows before the
    /// builder fills it in.
    public init() {
        self.init(
            invitedCount: 0, comingPersonIDs: [], comingPartnerCount: 0, apologies: [], tentativeNames: [],
            notAnsweredNames: [], hasAnswers: false)
    }

    public init(
        invitedCount: Int,
        comingPersonIDs: [String],
        comingPartnerCount: Int,
        apologies: [Apology],
        tentativeNames: [String],
        notAnsweredNames: [String],
        hasAnswers: Bool
    ) {
        self.invitedCount = invitedCount
        self.comingPersonIDs = comingPersonIDs
        self.comingPartnerCount = comingPartnerCount
        self.apologies = apologies
        self.tentativeNames = tentativeNames
        self.notAnsweredNames = notAnsweredNames
        self.hasAnswers = hasAnswers
    }

    /// The summary of `answers` for `occurrence`; answers for other occurrences are ignored.
    public init(occurrence: Occurrence, initiative: Initiative, answers: [Attendance]) {
        let series = occurrence.series
        let date = occurrence.originalStart.date
        var byPerson: [String: Attendance] = [:]
        for answer in answers where answer.seriesID == series.id && answer.occurrenceDate == date {
            byPerson[answer.personID] = answer
        }
        let delegates = Set(byPerson.values.filter { $0.response == .apologies }.compactMap(\.delegateID))
        let invited = initiative.attendeeIDs(of: series)
        // Everyone the configuration knows first, in its order; then ids it does not know.
        let known = initiative.people.map(\.id)
        let unknown = Set(byPerson.keys).union(delegates).subtracting(known).sorted()
        let coming = (known + unknown).filter { id in
            switch byPerson[id]?.response {
            case .attending?: true
            case .apologies?, .tentative?: false
            case nil: delegates.contains(id)
            }
        }
        let people = Dictionary(initiative.people.map { ($0.id, $0) }) { first, _ in first }
        let partners = Dictionary(initiative.partners.map { ($0.id, $0.name) }) { first, _ in first }
        let name = { (id: String) in people[id]?.name ?? id }
        self.init(
            invitedCount: invited.count,
            comingPersonIDs: coming,
            comingPartnerCount: Set(coming.compactMap { people[$0]?.partnerID }).count,
            apologies: (known + unknown).compactMap { id in
                guard let answer = byPerson[id], answer.response == .apologies else { return nil }
                return Apology(
                    personName: name(id), partnerName: people[id]?.partnerID.map { partners[$0] ?? $0 },
                    note: answer.note, delegateName: answer.delegateID.map(name))
            },
            tentativeNames: (known + unknown).filter { byPerson[$0]?.response == .tentative }.map(name),
            notAnsweredNames: invited.filter { byPerson[$0] == nil && !delegates.contains($0) }.map(name),
            hasAnswers: !byPerson.isEmpty)
    }
}
