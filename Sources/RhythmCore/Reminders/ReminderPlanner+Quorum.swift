extension ReminderPlanner.Context {
    /// A "quorum at risk" warning to the organiser of each held meeting whose series has a
    /// `quorum:` that the answers do not yet meet.
    ///
    /// It goes through the first e-mail channel, `quorum.check` before the start (days on the
    /// meeting's clock, like a meeting reminder), and is useful until the start. Its key,
    /// `quorum|series:<id>@<original start>|person:<organiser>|<channel>`, does not depend on
    /// the answers, so planning again after a confirmation finds it gone, and the outbox
    /// withdraws it; an apology that puts the quorum at risk again brings it back. No
    /// organiser, or no e-mail channel, means no warning (the configuration check refuses
    /// both).
    func quorumReminders(attendance: [Attendance]) -> [Reminder] {
        guard let channel = initiative.channels.first(where: \.kind.isEmail) else { return [] }
        let series = initiative.series.filter { $0.quorum != nil }
        let occurrences = Schedule(initiative: initiative).occurrences(of: series, in: span).filter(\.isHeld)
        return occurrences.compactMap { occurrence -> Reminder? in
            guard let quorum = occurrence.series.quorum, let organizerID = occurrence.series.organizerID,
                people[organizerID] != nil
            else { return nil }
            let standing = QuorumStanding(
                occurrence: occurrence, quorum: quorum, initiative: initiative, answers: attendance)
            guard !standing.isMet else { return nil }
            return Reminder(
                key: "quorum|series:\(occurrence.series.id)@\(occurrence.originalStart)|person:\(organizerID)|"
                    + channel.id,
                due: instant(quorum.check, before: occurrence.start, in: occurrence.timeZone),
                usefulUntil: occurrence.start, rule: nil, channel: channel, recipient: .person(organizerID),
                subject: .quorum(standing), content: .reminder)
        }
    }
}
