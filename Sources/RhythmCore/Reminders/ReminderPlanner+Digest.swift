import Foundation

extension ReminderPlanner {
    /// The local time a person's daily digest goes out.
    public static let digestTime = LocalTime(hour: 7, minute: 30)!
}

extension ReminderPlanner.Context {
    /// Replaces the e-mail reminders of people who want a daily digest by one digest per
    /// person, channel and local day (in the person's zone, after quiet hours).
    ///
    /// The digest is due at `digestTime` (07:30) local, moved out of the person's quiet
    /// hours, or at its earliest member when that is sooner, so nothing arrives later than
    /// it would have alone. It stays useful as long as any member does. Its key is
    /// `digest|<local date>|person:<id>|<channel>`.
    func gatheringDigests(_ reminders: [Reminder]) -> [Reminder] {
        struct DayKey: Hashable {
            let personID: String
            let channelID: String
            let date: LocalDate
        }
        var single: [Reminder] = []
        var days: [DayKey: [Reminder]] = [:]
        for reminder in reminders {
            guard reminder.channel.kind.isEmail, case .person(let personID) = reminder.recipient,
                let person = people[personID], person.wantsDailyDigest
            else {
                single.append(reminder)
                continue
            }
            let date = person.timeZone.wallClock(at: reminder.due).date
            days[DayKey(personID: personID, channelID: reminder.channel.id, date: date), default: []].append(reminder)
        }
        let digests = days.map { day, members -> Reminder in
            let members = members.sorted { ($0.due, $0.key) < ($1.due, $1.key) }
            let person = people[day.personID]!
            let (quietHours, zone) = quietHours(for: .person(person.id))
            var due = zone.instant(for: LocalDateTime(date: day.date, time: ReminderPlanner.digestTime))
            if let quietHours { due = quietHours.deferring(due, in: zone) }
            due = min(due, members[0].due)
            return Reminder(
                key: "digest|\(day.date)|person:\(day.personID)|\(day.channelID)", due: due,
                usefulUntil: members.map(\.usefulUntil).max()!, rule: nil, channel: members[0].channel,
                recipient: .person(day.personID), subject: .digest(members), content: .digest)
        }
        // Appended in place rather than `single + digests`, which would copy every reminder.
        single.append(contentsOf: digests)
        return single
    }
}
