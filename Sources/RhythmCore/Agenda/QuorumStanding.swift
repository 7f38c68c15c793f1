import Foundation

/// Whether a meeting has its quorum yet: what the quorum needs, how many count towards it
/// from the answers so far, and the answers themselves, for the organiser's warning.
public struct QuorumStanding: Hashable, Sendable {
    public var occurrence: Occurrence
    public var quorum: Quorum
    public var attendance: AttendanceSummary

    /// The standing of `quorum` for `occurrence` from `answers`.
    public init(occurrence: Occurrence, quorum: Quorum, initiative: Initiative, answers: [Attendance]) {
        self.occurrence = occurrence
        self.quorum = quorum
        attendance = AttendanceSummary(occurrence: occurrence, initiative: initiative, answers: answers)
    }

    /// How many count towards the quorum: people coming, or the partners they belong to.
    public var confirmed: Int {
        switch quorum.count {
        case .people: attendance.confirmedCount
        case .partners: attendance.comingPartnerCount
        }
    }

    /// Whether enough have confirmed.
    public var isMet: Bool { confirmed >= quorum.count.needed }
}
