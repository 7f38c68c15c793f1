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
///
/// Every e-mail to a person carries answer links that act for that person ("I'll be there",
/// "Done", "Your page", ...), issued through `links` when the message is composed. A retry
/// composes the message again and so issues new links; the links of the failed attempt
/// never left the machine, or did and still work, and expire like any other.
struct MessageComposer: Sendable {
    let initiative: Initiative
    let settings: FeedSettings
    let agendas: AgendaService
    let links: AnswerLinkIssuer
    /// The initiative's people by id, looked up for every message.
    private let people: [String: Person]

    init(initiative: Initiative, settings: FeedSettings, agendas: AgendaService, links: AnswerLinkIssuer) {
        self.initiative = initiative
        self.settings = settings
        self.agendas = agendas
        self.links = links
        people = Dictionary(initiative.people.map { ($0.id, $0) }) { first, _ in first }
    }

    /// The message for a planned reminder, sent as `entry`.
    func message(for reminder: Reminder, entry: OutboxEntry, now: Date) throws -> OutgoingMessage {
        switch reminder.recipient {
        case .person(let personID):
            guard let person = people[personID], case .email(let email) = reminder.channel.kind
            else { throw ComposeError("the recipient \(personID) is not a person with an e-mail channel") }
            let from = try EmailAddress(parsing: email.from)
            let to = try recipient(person)
            var needs = links.needs(personID: personID, now: now)
            needs.addAnswers(to: reminder)
            needs.addPage()
            let issued = try links.issue(needs)
            let content = ReminderContent(reminder: reminder, initiative: initiative, zone: person.timeZone, now: now)
            let (text, html) = try body(of: reminder, content: content, for: person, links: issued, now: now)
            return .email(
                EmailMessage(
                    from: from, to: [to], subject: content.subject, text: text, html: html,
                    oneClickUnsubscribe: oneClickUnsubscribe(reminder, links: issued), deliveryKey: entry.key,
                    date: entry.createdAt))
        case .channel:
            let content = ReminderContent(
                reminder: reminder, initiative: initiative, zone: initiative.timeZone, now: now)
            return .chat(
                ChatMessage(
                    title: content.subject, lines: content.chatLines, meetingStart: content.meetingStart,
                    timeZone: initiative.timeZone, mentions: reminder.mentions.compactMap { people[$0]?.chatHandles },
                    answers: chatAnswers(for: reminder), serviceURL: links.baseURL))
        }
    }

    /// The buttons of a chat post, on a channel that can verify who pressed them (see
    /// `Channel.Kind.buttonsSecret`): "I'll be there" and "Apologies" for a meeting, "Done"
    /// for an action; none for anything else.
    private func chatAnswers(for reminder: Reminder) -> [ChatAnswer] {
        guard reminder.channel.kind.buttonsSecret != nil else { return [] }
        switch reminder.subject {
        case .meeting(let occurrence):
            return ChatAnswer.meeting(seriesID: occurrence.series.id, occurrenceDate: occurrence.originalStart.date)
        case .action(let action):
            return [.done(actionID: action.id)]
        case .indicator, .quorum, .digest:
            return []
        }
    }

    /// The text and HTML parts of a reminder e-mail: what it says, the answers it offers, the
    /// agenda when it carries one, and "Your page" with "Stop reminders like this" at the end.
    /// A digest gives each member its own section, answers and opt-out.
    private func body(
        of reminder: Reminder, content: ReminderContent, for person: Person, links: AnswerLinks, now: Date
    ) throws -> (text: String, html: String) {
        var body = EmailBody()
        var footer = EmailBody()
        footer.append(.links(links.page + (reminder.rule.map { links.stop(ruleID: $0.id) } ?? [])))
        switch reminder.subject {
        case .digest(let members):
            for member in members {
                let part = ReminderContent(reminder: member, initiative: initiative, zone: person.timeZone, now: now)
                body.append(.heading(part.subject))
                body.append(paragraphs: part.paragraphs)
                body.append(paragraphs: part.prompt.map { [$0] } ?? [])
                body.append(
                    .links(links.answers(for: member.subject) + (member.rule.map { links.stop(ruleID: $0.id) } ?? [])))
                if let agenda = try agenda(of: member, now: now) {
                    if let answers = organizerParagraph(agenda, for: person) { body.append(paragraphs: [answers]) }
                    body.append(.preformatted(agendas.renderer.render(agenda, format: .text)))
                }
            }
        case .meeting, .action, .indicator, .quorum:
            var answering = EmailBody(paragraphs: content.prompt.map { [$0] } ?? [])
            answering.append(.links(links.answers(for: reminder.subject)))
            body.append(paragraphs: content.paragraphs)
            body.blocks += answering.blocks
            if let agenda = try agenda(of: reminder, now: now) {
                // The agenda is an HTML page of its own; the answers and the footer go at its end,
                // and what the organiser hears of the answers at its top.
                var html = EmailBody(answering.blocks + footer.blocks)
                    .appended(toHTML: agendas.renderer.render(agenda, format: .html))
                if let answers = organizerParagraph(agenda, for: person) {
                    html = Self.inserting(paragraph: answers, intoBodyOf: html)
                    body.append(paragraphs: [answers])
                }
                body.append(.preformatted(agendas.renderer.render(agenda, format: .text)))
                body.blocks += footer.blocks
                return (body.text(greeting: person.name), html)
            }
        }
        body.blocks += footer.blocks
        return (body.text(greeting: person.name), body.html(title: content.subject, greeting: person.name))
    }

    /// The agenda an agenda reminder carries, built now; nil for any other reminder.
    private func agenda(of reminder: Reminder, now: Date) throws -> Agenda? {
        guard reminder.content == .agenda, case .meeting(let occurrence) = reminder.subject else { return nil }
        return try agendas.agenda(for: occurrence, initiative: initiative, now: now)
    }

    /// The `List-Unsubscribe` address of a reminder: its rule's opt-out link, when every
    /// reminder it carries comes from that one rule (a digest of several rules has none, as
    /// one click cannot say which to stop) and the link is https, as RFC 8058 requires.
    private func oneClickUnsubscribe(_ reminder: Reminder, links: AnswerLinks) -> URL? {
        let rules: [ReminderRule?]
        if case .digest(let members) = reminder.subject { rules = members.map(\.rule) } else { rules = [reminder.rule] }
        guard let first = rules.first, let rule = first, rules.allSatisfy({ $0?.id == rule.id }),
            let text = links.url(.optOut(ruleID: rule.id)), let url = URL(string: text), url.scheme == "https"
        else { return nil }
        return url
    }

    /// The iMIP e-mail for an invitation or cancellation; nil when it no longer applies (the
    /// series changed again since it was planned, or its person or series is gone). An
    /// invitation offers the answers for the series' next meeting; every one links "Your page",
    /// and none offers an opt-out, as no reminder rule sends it.
    func message(for invitation: InvitationPayload, entry: OutboxEntry, sequences: [String: Int], now: Date) throws
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
        var nextMeeting: Occurrence?
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
                nextMeeting = next
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
        let to = try recipient(person)
        var needs = links.needs(personID: person.id, now: now)
        if let nextMeeting { needs.addMeeting(nextMeeting) }
        needs.addPage()
        let issued = try links.issue(needs)
        var body = EmailBody(paragraphs: paragraphs)
        if let nextMeeting {
            body.append(.paragraph("Let the organiser know whether you will be there, or add an item to its agenda:"))
            body.append(.links(issued.meeting(nextMeeting)))
        }
        body.append(.links(issued.page))
        return .email(
            EmailMessage(
                from: from, to: [to], subject: subject, text: body.text(greeting: person.name),
                html: body.html(title: subject, greeting: person.name),
                calendar: CalendarAttachment(
                    method: method, content: Array(calendar.serializedData()),
                    filename: method == .request ? "invite.ics" : "cancel.ics"),
                deliveryKey: entry.key, date: entry.createdAt))
    }

    /// The e-mail of published minutes: the text and HTML templates of the minutes with
    /// "Your page" at the end; nil when the revision it was planned for was corrected since,
    /// or its minutes, meeting, person or channel are gone.
    func message(forMinutes payload: MinutesMailPayload, entry: OutboxEntry, now: Date) throws -> OutgoingMessage? {
        guard let person = people[payload.personID],
            let channel = initiative.channels.first(where: { $0.id == entry.channelID }),
            case .email(let email) = channel.kind,
            let series = initiative.series.first(where: { $0.id == payload.seriesID }),
            let occurrence = Schedule(initiative: initiative).meeting(of: series, on: payload.occurrenceDate).named,
            let minutes = try agendas.publishedMinutes(of: occurrence, initiative: initiative),
            minutes.revision == payload.revision
        else { return nil }
        var needs = links.needs(personID: person.id, now: now)
        needs.addPage()
        let issued = try links.issue(needs)
        let subject =
            entry.subject
            ?? MinutesMail.subject(
                seriesTitle: series.title, occurrenceDate: payload.occurrenceDate, revision: payload.revision)
        var text = EmailBody([.preformatted(agendas.renderer.render(minutes, format: .text))])
        text.append(.links(issued.page))
        let html = EmailBody([.links(issued.page)]).appended(toHTML: agendas.renderer.render(minutes, format: .html))
        return .email(
            EmailMessage(
                from: try EmailAddress(parsing: email.from), to: [try recipient(person)], subject: subject,
                text: text.text(greeting: person.name), html: html, deliveryKey: entry.key, date: entry.createdAt))
    }

    private func cancellationReason(_ seriesID: String, _ originalStart: LocalDateTime) -> String? {
        guard let series = initiative.series.first(where: { $0.id == seriesID }) else { return nil }
        let day = DateInterval(
            start: series.timeZone.instant(for: originalStart) - 86_400, duration: 2 * 86_400)
        let occurrence = Schedule(initiative: initiative).occurrences(of: [series], in: day)
            .first { $0.originalStart == originalStart }
        return occurrence?.status.reason.map { "Reason: \($0)" }
    }

    /// What `person` reads above `agenda` when they organise its meeting; nil for anyone else.
    private func organizerParagraph(_ agenda: Agenda, for person: Person) -> String? {
        guard initiative.series.first(where: { $0.id == agenda.header.seriesID })?.organizerID == person.id else {
            return nil
        }
        return Self.organizerParagraph(agenda.header.attendance)
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

    /// The e-mail telling an attendee what a live change did (see `LiveChangeNotice`), from
    /// the words its entry holds.
    func notice(for entry: OutboxEntry) throws -> OutgoingMessage {
        let personID = String(entry.recipient.dropFirst("person:".count))
        guard let person = people[personID],
            let channel = initiative.channels.first(where: { $0.id == entry.channelID }),
            case .email(let email) = channel.kind
        else { throw ComposeError("the notice's recipient \(personID) or e-mail channel is no longer configured") }
        let words = entry.payload.flatMap { try? JSONDecoder().decode([String: String].self, from: Data($0.utf8)) }
        guard let subject = words?["subject"], let text = words?["text"] else {
            throw ComposeError("the notice's payload cannot be read")
        }
        return .email(
            EmailMessage(
                from: try EmailAddress(parsing: email.from), to: [try recipient(person)], subject: subject,
                text: text, html: "<p>\(HTMLText.escape(text).replacingOccurrences(of: "\n\n", with: "</p><p>"))</p>",
                deliveryKey: entry.key, date: entry.createdAt))
    }

    private func recipient(_ person: Person) throws -> EmailAddress {
        try EmailAddress(person.email, displayName: person.name)
    }
}

/// Why a message could not be composed; the entry is held for an operator.
struct ComposeError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
