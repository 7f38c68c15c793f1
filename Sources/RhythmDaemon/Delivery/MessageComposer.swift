import Foundation
import ICalendar
import RhythmAgenda
import RhythmCore
import RhythmDelivery
import RhythmFeeds
import RhythmStore

/// A message ready for its channel's sender.
enum OutgoingMessage: Sendable {
    case email(EmailMessage)
    case chat(ChatMessage)
}

/// Turns what an outbox entry stands for into the message that goes out: reminders,
/// agendas and digests as e-mail (plain text and HTML) or chat posts, and calendar
/// invitations and cancellations as iMIP e-mail.
///
/// The agenda in an agenda e-mail is built when the message is composed, from the live
/// actions, items and indicator values, so it is as fresh as the moment it is sent.
struct MessageComposer: Sendable {
    let initiative: Initiative
    let settings: FeedSettings
    let agendas: AgendaService
    /// The initiative's people by id, looked up for every message.
    private let people: [String: Person]

    init(initiative: Initiative, settings: FeedSettings, agendas: AgendaService) {
        self.initiative = initiative
        self.settings = settings
        self.agendas = agendas
        people = Dictionary(initiative.people.map { ($0.id, $0) }) { first, _ in first }
    }

    /// The message for a planned reminder, sent as `entry`.
    func message(for reminder: Reminder, entry: OutboxEntry, now: Date) throws -> OutgoingMessage {
        switch reminder.recipient {
        case .person(let personID):
            guard let person = people[personID], case .email(let email) = reminder.channel.kind
            else { throw ComposeError("the recipient \(personID) is not a person with an e-mail channel") }
            let content = ReminderContent(
                reminder: reminder, initiative: initiative, zone: person.timeZone, now: now,
                agendas: try digestAgendas(reminder, now: now))
            var text = Self.plainText(greeting: person.name, content.paragraphs)
            var html = Self.html(
                title: content.subject, greeting: person.name, content.paragraphs, preformatted: content.preformatted)
            if reminder.content == .agenda, case .meeting(let occurrence) = reminder.subject {
                let agenda = try agendas.agenda(for: occurrence, initiative: initiative, now: now)
                let forOrganizer = occurrence.series.organizerID == person.id
                let answers = forOrganizer ? Self.organizerParagraph(agenda.header.attendance) : nil
                if let answers { text = Self.plainText(greeting: person.name, content.paragraphs + [answers]) }
                text += "\n\n" + agendas.renderer.render(agenda, format: .text)
                html = agendas.renderer.render(agenda, format: .html)
                if let answers { html = Self.inserting(paragraph: answers, intoBodyOf: html) }
            }
            return .email(
                EmailMessage(
                    from: try EmailAddress(parsing: email.from), to: [try recipient(person)], subject: content.subject,
                    text: text, html: html, deliveryKey: entry.key, date: entry.createdAt))
        case .channel:
            let content = ReminderContent(
                reminder: reminder, initiative: initiative, zone: initiative.timeZone, now: now)
            return .chat(
                ChatMessage(
                    title: content.subject, lines: content.paragraphs, meetingStart: content.meetingStart,
                    timeZone: initiative.timeZone, mentions: reminder.mentions.compactMap { people[$0]?.chatHandles }))
        }
    }

    /// The iMIP e-mail for an invitation or cancellation; nil when it no longer applies (the
    /// series changed again since it was planned, or its person or series is gone).
    func message(for invitation: InvitationPayload, entry: OutboxEntry, sequences: [String: Int]) throws
        -> OutgoingMessage?
    {
        guard let person = people[invitation.personID],
            let channel = initiative.channels.first(where: { $0.id == entry.channelID }),
            case .email(let email) = channel.kind
        else { return nil }
        let from = try EmailAddress(parsing: email.from)
        let organizer = CalendarUser(name: from.displayName ?? initiative.name, email: from.address)
        // RFC 5546 allows no STATUS:CANCELLED in a REQUEST: cancelled meetings are left out
        // with EXDATE there and announced by their own CANCEL.
        let builder = InvitationBuilder(
            initiative: initiative,
            settings: FeedSettings(refreshInterval: settings.refreshInterval, cancelledOccurrences: .hide))
        let revision = FeedRevision(
            sequence: invitation.calendarSequence, created: entry.createdAt, lastModified: entry.createdAt)
        let calendar: Component?
        let subject = invitation.subject
        let method: CalendarAttachment.Method
        var paragraphs: [String]
        switch invitation.kind {
        case .request:
            guard sequences[invitation.seriesID] == invitation.feedSequence else { return nil }
            calendar = builder.request(
                seriesID: invitation.seriesID, attendeeID: person.id, organizer: organizer, revision: revision,
                stamp: entry.createdAt)
            method = .request
            let update = invitation.calendarSequence > 0
            paragraphs = [
                update
                    ? "The \(invitation.title) has changed. The attached invitation brings your calendar up to date."
                    : "You are invited to the \(invitation.title). Accept the attached invitation to add every "
                        + "meeting of the series to your calendar."
            ]
            if let series = initiative.series.first(where: { $0.id == invitation.seriesID }),
                let next = Schedule(initiative: initiative).nextMeeting(of: series, after: entry.createdAt)
            {
                paragraphs.append("The next meeting is on \(TimeText.instant(next.start, in: person.timeZone)).")
            }
        case .cancelOccurrence(let originalStart):
            calendar = builder.cancelOccurrence(
                seriesID: invitation.seriesID, originalStart: originalStart, attendeeID: person.id,
                organizer: organizer, revision: revision, stamp: entry.createdAt)
            method = .cancel
            paragraphs = ["The \(invitation.title) of \(TimeText.date(originalStart.date)) is cancelled."]
            if let reason = cancellationReason(invitation.seriesID, originalStart) { paragraphs.append(reason) }
        case .cancelSeries:
            calendar = builder.cancelSeries(
                seriesID: invitation.seriesID, title: invitation.title,
                attendee: CalendarUser(name: person.name, email: person.email), organizer: organizer,
                revision: revision, stamp: entry.createdAt)
            method = .cancel
            paragraphs = [
                "You will no longer receive invitations to the \(invitation.title); the attached cancellation "
                    + "removes its meetings from your calendar."
            ]
        }
        guard let calendar else { return nil }
        return .email(
            EmailMessage(
                from: from, to: [try recipient(person)], subject: subject,
                text: Self.plainText(greeting: person.name, paragraphs),
                html: Self.html(title: subject, greeting: person.name, paragraphs),
                calendar: CalendarAttachment(
                    method: method, content: Array(calendar.serializedData()),
                    filename: method == .request ? "invite.ics" : "cancel.ics"),
                deliveryKey: entry.key, date: entry.createdAt))
    }

    /// The agendas a digest carries, as text, by the key of the member that sends one; the
    /// organiser's open with the answers, as in a single agenda e-mail.
    private func digestAgendas(_ reminder: Reminder, now: Date) throws -> [String: String] {
        guard case .digest(let members) = reminder.subject else { return [:] }
        var agendas: [String: String] = [:]
        for member in members where member.content == .agenda {
            guard case .meeting(let occurrence) = member.subject else { continue }
            let agenda = try self.agendas.agenda(for: occurrence, initiative: initiative, now: now)
            let text = self.agendas.renderer.render(agenda, format: .text)
            let forOrganizer = occurrence.series.organizerID.map { reminder.recipient == .person($0) } ?? false
            agendas[member.key] =
                forOrganizer ? Self.organizerParagraph(agenda.header.attendance) + "\n\n" + text : text
        }
        return agendas
    }

    private func cancellationReason(_ seriesID: String, _ originalStart: LocalDateTime) -> String? {
        guard let series = initiative.series.first(where: { $0.id == seriesID }) else { return nil }
        let day = DateInterval(
            start: series.timeZone.instant(for: originalStart) - 86_400, duration: 2 * 86_400)
        let occurrence = Schedule(initiative: initiative).occurrences(of: [series], in: day)
            .first { $0.originalStart == originalStart }
        return occurrence?.status.reason.map { "Reason: \($0)" }
    }

    /// What the organiser of a meeting reads above its agenda: how many confirmed and who
    /// sent apologies, with their notes and the colleagues who come instead.
    static func organizerParagraph(_ summary: AttendanceSummary) -> String {
        "For you as organiser: " + AttendanceText.confirmed(summary) + " " + AttendanceText.apologies(summary)
    }

    /// `html` with `paragraph` at the top of its body, where the agenda page (built-in or a
    /// coordinator's own template) begins; at the very top when it has no `<body>` tag.
    static func inserting(paragraph: String, intoBodyOf html: String) -> String {
        let block = "<p style=\"margin:0 0 16px;\">\(HTMLText.escape(paragraph))</p>\n"
        guard let body = html.range(of: "<body", options: .caseInsensitive),
            let end = html[body.upperBound...].firstIndex(of: ">")
        else { return block + html }
        let insertion = html.index(after: end)
        return String(html[..<insertion]) + "\n" + block + String(html[insertion...].drop { $0 == "\n" })
    }

    private func recipient(_ person: Person) throws -> EmailAddress {
        try EmailAddress(person.email, displayName: person.name)
    }

    static func plainText(greeting name: String, _ paragraphs: [String]) -> String {
        (["Hello \(name),"] + paragraphs + ["— Rhythm, for the backbone team"]).joined(separator: "\n\n")
    }

    /// The HTML part; the paragraphs at `preformatted` keep their line breaks and spacing.
    static func html(
        title: String, greeting name: String, _ paragraphs: [String], preformatted: Set<Int> = []
    ) -> String {
        let blocks = paragraphs.enumerated().map { index, paragraph in
            preformatted.contains(index)
                ? "<pre style=\"white-space: pre-wrap; font-family: inherit\">\(HTMLText.escape(paragraph))</pre>"
                : "<p>\(HTMLText.escape(paragraph))</p>"
        }
        let body = (["<p>\(HTMLText.escape("Hello \(name),"))</p>"] + blocks).joined(separator: "\n")
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>\(HTMLText.escape(title))</title></head>
            <body style="font-family: sans-serif; line-height: 1.4">
            \(body)
            <p style="color: #555">— Rhythm, for the backbone team</p>
            </body></html>
            """
    }
}

/// Why a message could not be composed; the entry is held for an operator.
struct ComposeError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
