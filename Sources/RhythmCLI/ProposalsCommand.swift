import ArgumentParser
import Foundation
import RhythmCore
import RhythmStore

/// `rhythm proposals`: the other times attendees proposed with their calendars, for the
/// organiser to decide on.
struct ProposalsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "proposals",
        abstract: "List and dismiss the times attendees proposed from their calendars.",
        discussion: """
            When an attendee uses "Propose new time" in Outlook, Google or Apple Calendar, \
            their calendar mails an iMIP COUNTER to the organiser mailbox; Rhythm keeps it \
            here and changes nothing else. To take a proposal up, change the series (an \
            exception in the configuration); then dismiss it. Database failures exit with 74.

            Examples:
              rhythm proposals list --series leadership-table
              rhythm proposals dismiss 3
            """,
        subcommands: [List.self, Dismiss.self]
    )
}

/// The JSON form of a proposal, for scripts.
struct ProposalJSON: Encodable {
    let id: Int64
    let seriesId: String
    /// Nil when the proposal is about the whole series.
    let occurrenceDate: String?
    let personId: String
    let proposedStart: String?
    let proposedEnd: String?
    let comment: String?
    let stamp: String
    let messageId: String?
    let receivedAt: String
    let dismissedAt: String?

    init(_ proposal: CalendarProposal) {
        id = proposal.id
        seriesId = proposal.seriesID
        occurrenceDate = proposal.occurrenceDate?.description
        personId = proposal.personID
        proposedStart = proposal.proposedStart.map(ISO8601Format.utc)
        proposedEnd = proposal.proposedEnd.map(ISO8601Format.utc)
        comment = proposal.comment
        stamp = ISO8601Format.utc(proposal.stamp)
        messageId = proposal.messageID
        receivedAt = ISO8601Format.utc(proposal.receivedAt)
        dismissedAt = proposal.dismissedAt.map(ISO8601Format.utc)
    }
}
