/// How the e-mail that carries published minutes is named and addressed, so that the store
/// that enqueues it and the dispatcher that composes it agree.
public enum MinutesMail {
    /// How the outbox keys of minutes e-mails begin; no reminder key does (see `OutboxEntry`).
    public static let keyPrefix = "minutes:"

    /// The key of the e-mail for `personID` of revision `revision` of the minutes: the same
    /// publication always makes the same key, so each goes exactly once, and a correction
    /// (a new revision) makes new ones.
    public static func key(seriesID: String, occurrenceDate: LocalDate, revision: Int, personID: String) -> String {
        "\(keyPrefix)\(seriesID):\(occurrenceDate):\(revision):\(personID)"
    }

    /// `Minutes: Leadership Table on 2027-04-06`; `Corrected minutes: ...` for a correction.
    public static func subject(seriesTitle: String, occurrenceDate: LocalDate, revision: Int) -> String {
        "\(revision > 1 ? "Corrected minutes" : "Minutes"): \(seriesTitle) on \(occurrenceDate)"
    }

    /// Who receives the minutes: the organiser and everyone invited, in the order the
    /// minutes list them, whether or not they came.
    public static func recipientIDs(of series: MeetingSeries, initiative: Initiative) -> [String] {
        var ids = initiative.attendeeIDs(of: series)
        if let organizerID = series.organizerID, !ids.contains(organizerID) { ids.insert(organizerID, at: 0) }
        return ids
    }
}
