import Foundation
import RhythmCore

/// Text to show in one occurrence's DESCRIPTION: the agenda of a series' next meeting,
/// and where to read it in full.
///
/// A feed that gets a note writes that occurrence as an override (RECURRENCE-ID), with the
/// same time and place as the rule gives it unless it was moved, so calendars show the
/// agenda inside the event.
public struct OccurrenceNote: Hashable, Sendable {
    public let occurrence: Occurrence
    public let text: String
    public let link: URL?

    public init(occurrence: Occurrence, text: String, link: URL?) {
        self.occurrence = occurrence
        self.text = text
        self.link = link
    }
}
