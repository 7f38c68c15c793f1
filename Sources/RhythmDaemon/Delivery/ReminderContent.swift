import Foundation
import RhythmCore

/// What a reminder says, before it becomes an e-mail or a chat post: a subject line and
/// paragraphs that name the meeting (or action, or data), the time on the reader's clock,
/// and what to do: in an e-mail through the answer links that follow `prompt`, in a chat
/// post, which acts for nobody in particular, as the `request` it ends with.
struct ReminderContent: Hashable, Sendable {
    var subject: String
    var paragraphs: [String]
    /// When the meeting starts, for chat posts, which show it in the channel's zone.
    var meetingStart: Date?
    /// The sentence that introduces an e-mail's answer links; nil for a digest, whose
    /// members each bring their own.
    var prompt: String?
    /// What a chat post asks its readers to do, who have no links that act for them.
    var request: String?

    /// The content of `reminder` for a reader whose clock is `zone`. A digest is named after
    /// the day it goes out (its due day, or the day it is sent when later); its body is its
    /// members', which the composer gathers one by one.
    init(reminder: Reminder, initiative: Initiative, zone: TimeZone, now: Date) {
        switch reminder.subject {
        case .meeting(let occurrence):
            self = Self.meeting(occurrence, content: reminder.content, zone: zone)
        case .action(let action):
            self = Self.action(action, repetition: reminder.repetition, initiative: initiative, zone: zone, now: now)
        case .indicator(let standing, let review):
            self = Self.indicator(standing, review: review, repetition: reminder.repetition, zone: zone)
        case .quorum(let standing):
            self = Self.quorum(standing, zone: zone)
        case .digest(let members):
            let day = zone.wallClock(at: max(reminder.due, now)).date
            self.init(
                subject: "\(initiative.name): daily digest of \(TimeText.date(day)), "
                    + Plural.phrase(members.count, "reminder"),
                paragraphs: [])
        }
    }

    /// The lines of a chat post: the paragraphs and the request.
    var chatLines: [String] {
        paragraphs + (request.map { [$0] } ?? [])
    }

    /// The content of `reminder` on its recipient's clock: a person's own zone, the
    /// initiative's for a chat channel.
    init(reminder: Reminder, initiative: Initiative, now: Date) {
        let zone: TimeZone
        switch reminder.recipient {
        case .person(let id): zone = initiative.people.first { $0.id == id }?.timeZone ?? initiative.timeZone
        case .channel: zone = initiative.timeZone
        }
        self.init(reminder: reminder, initiative: initiative, zone: zone, now: now)
    }

    private init(
        subject: String, paragraphs: [String], meetingStart: Date? = nil, prompt: String? = nil,
        request: String? = nil
    ) {
        self.subject = Self.oneLine(subject)
        self.paragraphs = paragraphs
        self.meetingStart = meetingStart
        self.prompt = prompt
        self.request = request
    }

    /// User text (an action's title, a series' name) may hold line breaks or other control
    /// characters; a subject line must not, so each run of them becomes one space. The e-mail
    /// composer refuses such a header outright, which would hold the reminder for ever.
    static func oneLine(_ text: String) -> String {
        var result = ""
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar.properties.generalCategory == .control || scalar == "\u{2028}" || scalar == "\u{2029}" {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace, scalar != " " { result.unicodeScalars.append(" ") }
            pendingSpace = false
            result.unicodeScalars.append(scalar)
        }
        return result
    }

    private static func meeting(_ occurrence: Occurrence, content: Reminder.ContentKind, zone: TimeZone) -> Self {
        let series = occurrence.series
        let when = TimeText.instant(occurrence.start, in: zone)
        var paragraphs = ["\(series.title) meets on \(when)."]
        if zone.identifier != occurrence.timeZone.identifier {
            paragraphs.append(
                "That is \(TimeText.instant(occurrence.start, in: occurrence.timeZone)) where it is held.")
        }
        if case .moved(let from, let reason) = occurrence.status {
            let origin = "It has moved from \(TimeText.date(from.date)) \(TimeText.time(from.time))"
            paragraphs.append(origin + (reason.map { ": \($0)" } ?? "."))
        }
        if let location = occurrence.location { paragraphs.append("Where: \(location)") }
        if let link = occurrence.onlineMeetingURL { paragraphs.append("Join online: \(link.absoluteString)") }
        let agenda = content == .agenda
        return Self(
            subject: "\(agenda ? "Agenda" : "Reminder"): \(series.title), "
                + TimeText.shortInstant(occurrence.start, in: zone),
            paragraphs: paragraphs, meetingStart: occurrence.start,
            prompt: agenda
                ? "The agenda follows. Let the organiser know whether you will be there, and add an item before the "
                    + "meeting if you have one:"
                : "Please come prepared, and let the organiser know whether you will be there:",
            request: agenda
                ? "The agenda follows. To add an item, tell the backbone team before the meeting."
                : "Please come prepared; if you cannot attend, send your apologies to the backbone team.")
    }

    /// The organiser's warning: how far short the answers are, who sent apologies and who
    /// has not answered, so they can chase people or call the meeting off in good time.
    private static func quorum(_ standing: QuorumStanding, zone: TimeZone) -> Self {
        let occurrence = standing.occurrence
        let series = occurrence.series
        let count = standing.quorum.count
        let summary = standing.attendance
        var paragraphs = [
            "The \(series.title) on \(TimeText.instant(occurrence.start, in: zone)) needs "
                + "\(Plural.phrase(count.needed, count.unit)) to confirm for a quorum; so far \(standing.confirmed) "
                + (standing.confirmed == 1 ? "has" : "have") + ". "
                + AttendanceText.confirmed(summary)
        ]
        paragraphs += [AttendanceText.notAnswered(summary), AttendanceText.tentative(summary)].compactMap(\.self)
        paragraphs.append(AttendanceText.apologies(summary))
        paragraphs.append(
            "Ask those who have not answered, or move or cancel the meeting while there is time to tell everyone.")
        return Self(
            subject: "Quorum at risk: \(series.title), \(TimeText.shortInstant(occurrence.start, in: zone))",
            paragraphs: paragraphs, meetingStart: occurrence.start)
    }

    private static func action(
        _ action: Action, repetition: Int, initiative: Initiative, zone: TimeZone, now: Date
    ) -> Self {
        let due = action.due.map(TimeText.date) ?? "no date"
        var paragraphs: [String]
        let subject: String
        if repetition > 0, let dueDate = action.due {
            let late = dueDate.days(to: zone.wallClock(at: now).date)
            subject = "Overdue action #\(action.id): \(action.title)"
            paragraphs = [
                "Action #\(action.id), \"\(action.title)\", was due on \(due)"
                    + (late > 0 ? " (\(Plural.phrase(late, "day")) ago)." : ".")
            ]
        } else {
            subject = "Action #\(action.id) due \(due): \(action.title)"
            paragraphs = ["Action #\(action.id), \"\(action.title)\", is due on \(due)."]
        }
        if let details = action.details, !details.isEmpty { paragraphs.append(details) }
        if let seriesID = action.seriesID, let series = initiative.series.first(where: { $0.id == seriesID }) {
            paragraphs.append("It was raised at the \(series.title).")
        }
        return Self(
            subject: subject, paragraphs: paragraphs,
            prompt: "When it is done, stuck or needs a new date, say so here so the next agenda is right:",
            request:
                "When it is done, or if it needs a new date or owner, tell the backbone team so the next agenda is right."
        )
    }

    private static func indicator(
        _ standing: IndicatorStanding, review: Occurrence, repetition: Int, zone: TimeZone
    ) -> Self {
        let indicator = standing.indicator
        let due = standing.dueDate.map(TimeText.date) ?? "before the review"
        let reviewWhen = TimeText.instant(review.start, in: zone)
        let subject =
            repetition > 0
            ? "Late: \(indicator.name) data for \(standing.period)"
            : "Data due \(due): \(indicator.name) for \(standing.period)"
        let state = repetition > 0 ? "was due on \(due) and has not been recorded" : "is due on \(due)"
        return Self(
            subject: subject,
            paragraphs: [
                "The \(indicator.name) value for \(standing.period) \(state).",
                "The \(review.series.title) on \(reviewWhen) reviews it against its target.",
            ],
            prompt: "Enter the value here and it goes straight onto the scorecard:",
            request: "Send the value to the backbone team, or record it through the partner portal.")
    }
}

/// Dates and times as people read them in messages, the same on every machine whatever its
/// locale.
enum TimeText {
    /// `Tuesday 9 February 2027`.
    static func date(_ date: LocalDate) -> String {
        "\(date.weekday.name) \(date.day) \(date.monthName) \(date.year)"
    }

    /// `10:00`.
    static func time(_ time: LocalTime) -> String {
        String(time.description.prefix(5))
    }

    /// `Tuesday 9 February 2027 at 10:00 (UTC+11:00, Australia/Melbourne)`.
    static func instant(_ instant: Date, in zone: TimeZone) -> String {
        let local = zone.wallClock(at: instant)
        return "\(date(local.date)) at \(time(local.time)) (UTC\(zone.offsetText(at: instant)), \(zone.identifier))"
    }

    /// `Tue 9 Feb 10:00`, for subject lines.
    static func shortInstant(_ instant: Date, in zone: TimeZone) -> String {
        let local = zone.wallClock(at: instant)
        let month = local.date.monthName.prefix(3)
        return "\(local.date.weekday.name.prefix(3)) \(local.date.day) \(month) \(time(local.time))"
    }
}
