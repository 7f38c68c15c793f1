import RhythmCore

/// How many of the people invited to some meetings were coming to them: answered "I'll be
/// there", or were named as the colleague coming instead, as `AttendanceSummary` counts.
///
/// Invited people without an answer count as not coming, so a meeting nobody answered for
/// reads as 0%: the page shows what Rhythm knows.
public struct AttendanceShare: Hashable, Sendable {
    /// Invited people who were coming, added up over the meetings.
    public let attending: Int
    /// Invited people, added up over the meetings.
    public let invited: Int

    /// A share of `attending` out of `invited`.
    public init(attending: Int, invited: Int) {
        self.attending = attending
        self.invited = invited
    }

    /// No meeting counted yet.
    static let zero = AttendanceShare(attending: 0, invited: 0)

    /// The share as a percentage from 0 to 100; nil when nobody was invited.
    public var percent: Double? {
        invited == 0 ? nil : Double(attending) * 100 / Double(invited)
    }

    /// Both counts added up.
    static func + (lhs: AttendanceShare, rhs: AttendanceShare) -> AttendanceShare {
        AttendanceShare(attending: lhs.attending + rhs.attending, invited: lhs.invited + rhs.invited)
    }
}

/// One partner's share of its invited people coming to a series' meetings.
public struct PartnerAttendance: Hashable, Sendable, Identifiable {
    /// The partner's id in the configuration.
    public let partnerID: String
    /// The partner's name, as people know it.
    public let partnerName: String
    /// The partner's invited people coming, out of those invited.
    public let share: AttendanceShare

    /// The partner's id.
    public var id: String { partnerID }
}

/// Who was coming to one held meeting, overall and per partner: one group of the attendance
/// chart.
public struct MeetingAttendance: Hashable, Sendable {
    /// The day the meeting took place, in the series' zone.
    public let date: LocalDate
    /// Everyone invited, with or without a partner.
    public let overall: AttendanceShare
    /// One entry per partner with people invited to the series, in the configuration's order.
    public let byPartner: [PartnerAttendance]

    /// Counts `answers` (those for other meetings are ignored) for `occurrence`.
    init(occurrence: Occurrence, initiative: Initiative, invited: [Person], answers: [Attendance]) {
        let coming = Set(
            AttendanceSummary(occurrence: occurrence, initiative: initiative, answers: answers).comingPersonIDs)
        let share = { (people: [Person]) in
            AttendanceShare(attending: people.filter { coming.contains($0.id) }.count, invited: people.count)
        }
        date = occurrence.localStart.date
        overall = share(invited)
        byPartner = initiative.partners.compactMap { partner in
            let theirs = invited.filter { $0.partnerID == partner.id }
            guard !theirs.isEmpty else { return nil }
            return PartnerAttendance(partnerID: partner.id, partnerName: partner.name, share: share(theirs))
        }
    }
}
