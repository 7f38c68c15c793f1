import Foundation
import RhythmCore

/// The operations on minutes and decisions that the command line, the JSON API and the
/// console share, each checked against the initiative of the moment: one rule, whatever the
/// door.
///
/// A meeting is named by its series and a date: its original date or, if it moved, the date
/// it moved to; the minutes are kept under the original date.
public struct MinutesBook: Sendable {
    public let initiative: Initiative
    public let store: AppDatabase

    public init(initiative: Initiative, store: AppDatabase) {
        self.initiative = initiative
        self.store = store
    }

    /// The meeting's minutes as a minute-taker sees them: the saved record, or a draft
    /// prefilled from the answers and the agenda items when none was saved.
    public struct Sheet: Hashable, Sendable {
        public var occurrence: Occurrence
        /// The draft to edit: the saved one or the prefilled one.
        public var draft: Minutes
        /// The saved record; nil when nothing was saved yet.
        public var record: MinutesRecord?

        public init(occurrence: Occurrence, draft: Minutes, record: MinutesRecord?) {
            self.occurrence = occurrence
            self.draft = draft
            self.record = record
        }
    }

    /// What publishing did: the minutes as stored afterwards, and who gets them by e-mail.
    public struct Publication: Hashable, Sendable {
        public var record: MinutesRecord
        /// The people an e-mail was enqueued for; empty when the initiative has no e-mail channel.
        public var recipientIDs: [String]

        public init(record: MinutesRecord, recipientIDs: [String]) {
            self.record = record
            self.recipientIDs = recipientIDs
        }
    }

    /// The occurrence `date` names in `seriesID`.
    ///
    /// - Throws: `MinutesError` (pointer `/series_id` or `/occurrence_date`) for an unknown
    ///   series, a date with no meeting, or a meeting that was cancelled or skipped.
    public func occurrence(seriesID: String, date: LocalDate) throws(MinutesError) -> Occurrence {
        guard let series = initiative.series.first(where: { $0.id == seriesID }) else {
            throw MinutesError(problems: [
                .init(
                    "/series_id",
                    "\(seriesID) is not a series of the initiative; use one of "
                        + initiative.series.map(\.id).joined(separator: ", ") + ".")
            ])
        }
        guard let occurrence = Schedule(initiative: initiative).meeting(of: series, on: date).named else {
            throw MinutesError(problems: [
                .init("/occurrence_date", "\(seriesID) has no meeting on \(date); use the date of one of its meetings.")
            ])
        }
        switch occurrence.status {
        case .cancelled, .skipped:
            throw MinutesError(problems: [
                .init(
                    "/occurrence_date",
                    "The \(seriesID) meeting of \(date) is \(occurrence.status.label), so it has no minutes.")
            ])
        case .scheduled, .moved:
            return occurrence
        }
    }

    /// The minutes of a meeting, prefilled when none were saved (see `Minutes.prefilled`).
    public func sheet(seriesID: String, date: LocalDate) throws -> Sheet {
        let occurrence = try occurrence(seriesID: seriesID, date: date)
        let original = occurrence.originalStart.date
        if let record = try store.minutes(seriesID: seriesID, occurrenceDate: original) {
            return Sheet(occurrence: occurrence, draft: record.draft, record: record)
        }
        let answers = try store.attendance(seriesID: seriesID, occurrenceDate: original)
        let items = try store.agendaItems(seriesID: seriesID, occurrenceDate: original, limit: 10_000, offset: 0)
        return Sheet(
            occurrence: occurrence,
            draft: Minutes.prefilled(for: occurrence, initiative: initiative, answers: answers, items: items),
            record: nil)
    }

    /// Saves `minutes` as the draft of their meeting after checking them (`Minutes.checked`);
    /// raised actions without an id become real actions of the series.
    ///
    /// - Throws: `MinutesError` for every problem in the minutes, `StoreError` when the
    ///   database fails.
    public func save(_ minutes: Minutes, actor: String, now: Date) throws -> MinutesRecord {
        let occurrence = try occurrence(seriesID: minutes.seriesID, date: minutes.occurrenceDate)
        var minutes = minutes
        minutes.occurrenceDate = occurrence.originalStart.date
        let items = try store.agendaItems(
            seriesID: minutes.seriesID, occurrenceDate: minutes.occurrenceDate, limit: 10_000, offset: 0)
        return try store.saveMinutes(minutes.checked(in: initiative, items: items), actor: actor, now: now)
    }

    /// Publishes the saved draft: the decisions enter the series' log and one e-mail per
    /// invited person with an address goes through the first e-mail channel, exactly once
    /// (see `AppDatabase.publishMinutes`). The caller wakes the dispatcher.
    ///
    /// - Throws: `MinutesError` when there is no draft or nothing changed since the last
    ///   publication, `StoreError` when the database fails.
    public func publish(seriesID: String, date: LocalDate, actor: String, now: Date) throws -> Publication {
        let occurrence = try occurrence(seriesID: seriesID, date: date)
        let original = occurrence.originalStart.date
        guard let record = try store.minutes(seriesID: seriesID, occurrenceDate: original) else {
            throw MinutesError(problems: [
                .init("", "The \(seriesID) meeting of \(original) has no minutes yet; save a draft before publishing.")
            ])
        }
        guard record.hasUnpublishedChanges else {
            throw MinutesError(problems: [
                .init(
                    "",
                    "The minutes of the \(seriesID) meeting of \(original) are published and unchanged since; "
                        + "change them to publish a correction.")
            ])
        }
        let people = Dictionary(initiative.people.map { ($0.id, $0) }) { first, _ in first }
        let recipients = MinutesMail.recipientIDs(of: occurrence.series, initiative: initiative).filter {
            people[$0].map { !$0.email.isEmpty } == true
        }
        let mailing = MinutesMailing(
            channelID: initiative.channels.first(where: \.kind.isEmail)?.id, personIDs: recipients,
            seriesTitle: occurrence.series.title)
        let published = try store.publishMinutes(
            seriesID: seriesID, occurrenceDate: original, mailing: mailing, actor: actor, now: now)
        return Publication(record: published, recipientIDs: mailing.channelID == nil ? [] : recipients)
    }

    /// The decision log of `seriesID` (every series when nil), from meetings on or after
    /// `since` when given.
    ///
    /// - Throws: `MinutesError` for an unknown series, `StoreError` when the database fails.
    public func decisions(seriesID: String?, since: LocalDate?) throws -> [LoggedDecision] {
        if let seriesID, !initiative.series.contains(where: { $0.id == seriesID }) {
            throw MinutesError(problems: [
                .init("/series_id", "\(seriesID) is not a series of the initiative.")
            ])
        }
        return try store.decisions(seriesID: seriesID, since: since)
    }
}
