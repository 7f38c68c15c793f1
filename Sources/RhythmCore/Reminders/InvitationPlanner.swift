import Foundation

/// What one person was last sent about one series: the invitation state Rhythm keeps so it
/// knows when to invite, update or cancel.
public struct InvitationState: Hashable, Sendable {
    public var seriesID: String
    public var personID: String
    /// The series' title when it was last sent, for a cancellation after it is removed.
    public var title: String
    /// The feed SEQUENCE of the series when it was last sent.
    public var feedSequence: Int
    /// How many times the person's invitation was cancelled or renewed; added to the feed
    /// SEQUENCE, so a renewed invitation always outranks the cancellation before it.
    public var generation: Int
    /// Whether the person holds a live invitation (false after a cancellation).
    public var isInvited: Bool

    public init(
        seriesID: String, personID: String, title: String, feedSequence: Int, generation: Int, isInvited: Bool
    ) {
        self.seriesID = seriesID
        self.personID = personID
        self.title = title
        self.feedSequence = feedSequence
        self.generation = generation
        self.isInvited = isInvited
    }

    /// The SEQUENCE written in what the person was last sent.
    public var calendarSequence: Int { feedSequence + generation }
}

/// One iMIP message to send: an invitation (METHOD:REQUEST) or a cancellation (METHOD:CANCEL).
public struct PlannedInvitation: Hashable, Sendable {
    /// What the message carries.
    public enum Kind: Hashable, Sendable {
        /// The whole series, new or changed.
        case request
        /// One cancelled occurrence, named by its original start.
        case cancelOccurrence(originalStart: LocalDateTime)
        /// The whole series: removed, or the person no longer attends or wants invitations.
        case cancelSeries
    }

    /// Unique per message; see `InvitationPlanner`.
    public let key: String
    public let kind: Kind
    public let seriesID: String
    public let title: String
    public let personID: String
    public let channelID: String
    /// The feed SEQUENCE the message was planned for; a request for an older one is stale.
    public let feedSequence: Int
    /// The SEQUENCE written in the calendar: the feed's plus the person's generation.
    public let calendarSequence: Int
    public let due: Date
    public let usefulUntil: Date
}

/// Decides which calendar invitations and cancellations to send to people who asked for
/// invitations (`invitations: true`), from the series' feed SEQUENCE numbers and what each
/// person was sent before. Pure, like `ReminderPlanner`.
///
/// - A person who attends a series and holds no live invitation gets a REQUEST with the whole
///   series; one whose series' SEQUENCE rose gets the updated REQUEST, plus a CANCEL for each
///   coming occurrence that is cancelled (the change that raised it, in the form Outlook
///   announces best).
/// - A person who held an invitation and no longer attends (the series was removed, the person
///   left the group, or no longer wants invitations) gets a CANCEL for the whole series.
/// - Keys: `imip:request|<series>|seq<N>-g<G>|person:<id>|<channel>` for a request,
///   `imip:cancel|<series>@<original start>|person:<id>|<channel>` for an occurrence and
///   `imip:cancel|<series>|g<G>|person:<id>|<channel>` for a series, so a message is never
///   planned twice. No reminder key starts with `imip:`.
/// - Messages go through the first e-mail channel, are due at `now` (moved out of the
///   person's quiet hours), and stay useful for `lifetime` (a cancelled occurrence: until it
///   would have started). A series with no meeting left gets no new invitation.
public enum InvitationPlanner {
    /// How long an invitation stays worth sending.
    public static let lifetime: TimeInterval = 30 * 86_400

    /// The messages to enqueue and the states to keep once they are.
    public static func plan(
        initiative: Initiative, sequences: [String: Int], states: [InvitationState], now: Date
    ) -> (invitations: [PlannedInvitation], states: [InvitationState]) {
        guard let channel = initiative.channels.first(where: { $0.kind.isEmail }) else { return ([], states) }
        let planner = Planning(initiative: initiative, channelID: channel.id, now: now)
        var previous = Dictionary(states.map { (StateKey($0.seriesID, $0.personID), $0) }) { first, _ in first }
        var invitations: [PlannedInvitation] = []
        var kept: [InvitationState] = []
        for series in initiative.series {
            let sequence = sequences[series.id] ?? 0
            let upcoming = planner.upcoming(series)
            for person in planner.invitees(of: series) {
                let old = previous.removeValue(forKey: StateKey(series.id, person.id))
                guard upcoming.contains(where: \.isHeld) || old != nil else { continue }
                var state =
                    old
                    ?? InvitationState(
                        seriesID: series.id, personID: person.id, title: series.title, feedSequence: sequence,
                        generation: 0, isInvited: false)
                if state.isInvited && state.feedSequence == sequence {
                    kept.append(state)
                    continue
                }
                let wasInvited = state.isInvited
                if old != nil && !state.isInvited { state.generation += 1 }
                state.feedSequence = sequence
                state.title = series.title
                state.isInvited = true
                invitations.append(
                    planner.message(
                        .request, key: "\(series.id)|seq\(sequence)-g\(state.generation)", state: state, person: person)
                )
                if wasInvited {
                    for occurrence in upcoming where occurrence.status.isCancelled {
                        invitations.append(
                            planner.message(
                                .cancelOccurrence(originalStart: occurrence.originalStart),
                                key: "\(series.id)@\(occurrence.originalStart)", state: state, person: person,
                                usefulUntil: occurrence.start))
                    }
                }
                kept.append(state)
            }
        }
        for var state in previous.values.sorted(by: { ($0.seriesID, $0.personID) < ($1.seriesID, $1.personID) }) {
            guard state.isInvited else {
                kept.append(state)
                continue
            }
            state.generation += 1
            state.isInvited = false
            if let person = planner.people[state.personID] {
                invitations.append(
                    planner.message(
                        .cancelSeries, key: "\(state.seriesID)|g\(state.generation)", state: state, person: person))
            }
            kept.append(state)
        }
        return (invitations, kept)
    }

    private struct StateKey: Hashable {
        let seriesID: String
        let personID: String
        init(_ seriesID: String, _ personID: String) {
            self.seriesID = seriesID
            self.personID = personID
        }
    }

    /// What one planning run shares.
    private struct Planning {
        let initiative: Initiative
        let channelID: String
        let now: Date
        let people: [String: Person]
        let schedule: Schedule

        init(initiative: Initiative, channelID: String, now: Date) {
            self.initiative = initiative
            self.channelID = channelID
            self.now = now
            people = Dictionary(initiative.people.map { ($0.id, $0) }) { first, _ in first }
            schedule = Schedule(initiative: initiative)
        }

        /// The people who attend `series` and want invitations.
        func invitees(of series: MeetingSeries) -> [Person] {
            initiative.attendeeIDs(of: series).compactMap { people[$0] }.filter(\.wantsInvitations)
        }

        /// The series' meetings from now on, for a year and a bit.
        func upcoming(_ series: MeetingSeries) -> [Occurrence] {
            schedule.occurrences(of: [series], in: DateInterval(start: now, duration: 400 * 86_400))
        }

        func message(
            _ kind: PlannedInvitation.Kind, key: String, state: InvitationState, person: Person,
            usefulUntil: Date? = nil
        ) -> PlannedInvitation {
            let prefix = kind == .request ? "imip:request" : "imip:cancel"
            let quietHours = person.quietHours ?? initiative.quietHours
            let due = quietHours?.deferring(now, in: person.timeZone) ?? now
            return PlannedInvitation(
                key: "\(prefix)|\(key)|person:\(person.id)|\(channelID)", kind: kind, seriesID: state.seriesID,
                title: state.title, personID: person.id, channelID: channelID, feedSequence: state.feedSequence,
                calendarSequence: state.calendarSequence, due: due,
                usefulUntil: max(usefulUntil ?? now + InvitationPlanner.lifetime, due + 1))
        }
    }
}

extension Occurrence.Status {
    /// Whether the occurrence is cancelled (and still shown as such).
    public var isCancelled: Bool {
        if case .cancelled = self { return true }
        return false
    }
}
