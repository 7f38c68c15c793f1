import Foundation
import RhythmAgenda
import RhythmCore
import RhythmDelivery
import RhythmStore
import Testing

@testable import RhythmDaemon

/// Every e-mail Rhythm composes for a person carries answer links in both parts, each
/// issued through the store for that person, that subject and the expiry its subject calls
/// for; reminder e-mails of one rule carry a one-click `List-Unsubscribe`.
@Suite struct AnswerLinkCompositionTests {
    typealias Fixtures = MessageComposerTests
    static let base = "https://rhythm.example.org"
    static let lifetimes = AnswerLinkLifetimes(afterSubject: 10 * 86_400, personalPage: 20 * 86_400)
    static let now = Fixtures.melbourne.instant(for: LocalDateTime(iso: "2027-03-01T09:00")!)
    static let dayAhead = ReminderRule(
        id: "day-ahead", subject: .meetings(seriesIDs: []), trigger: .before(ReminderOffset(amount: 1, unit: .days)),
        channelID: "email", audience: .attendees)
    static let nag = ReminderRule(
        id: "nag", subject: .actions, trigger: .overdue(repeatEvery: nil, maximumCount: 1), channelID: "email",
        audience: .owner)
    static let dataDue = ReminderRule(
        id: "data-due", subject: .indicators, trigger: .before(ReminderOffset(amount: 2, unit: .days)),
        channelID: "email", audience: .owner)
    static let indicator = Indicator(
        id: "attendance-rate", name: "School attendance", unit: "%", direction: .higherIsBetter, target: 92,
        ownerID: "ben", reportingPeriod: .quarter, reviewSeriesID: "leadership")

    let directory: URL
    let store: AppDatabase

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("rhythm-links-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        store = try AppDatabase.open(path: directory.appendingPathComponent("rhythm.sqlite").path)
    }

    func composer(base: String = base) throws -> MessageComposer {
        MessageComposer(
            initiative: Fixtures.initiative, settings: FeedSettings(),
            agendas: AgendaService(store: store, renderer: try AgendaRenderer()),
            links: AnswerLinkIssuer(
                store: store, service: ServiceSettings(publicURL: URL(string: base), answerLinks: Self.lifetimes)))
    }

    static func reminder(
        _ subject: Reminder.Subject, to personID: String, rule: ReminderRule?, content: Reminder.ContentKind = .reminder
    ) -> Reminder {
        Reminder(
            key: "\(rule?.id ?? "digest")|\(personID)|email", due: now, usefulUntil: now + 86_400, rule: rule,
            channel: Fixtures.email, recipient: .person(personID), subject: subject, content: content)
    }

    func email(_ reminder: Reminder, base: String = base) throws -> EmailMessage {
        guard
            case .email(let message) = try composer(base: base).message(
                for: reminder, entry: OutboxEntry(reminder: reminder), now: Self.now)
        else { throw ComposeError("expected an e-mail") }
        return message
    }

    /// The links of the text part by label (`label: url` lines), checked to be the same as
    /// the anchors of the HTML part.
    static func links(in message: EmailMessage) -> [String: String] {
        var text: [String: String] = [:]
        for line in message.text.split(separator: "\n") {
            guard let range = line.range(of: ": \(base)/") ?? line.range(of: ": http://") else { continue }
            text[String(line[..<range.lowerBound])] = String(line[line.index(range.lowerBound, offsetBy: 2)...])
        }
        var html: [String: String] = [:]
        for match in message.html.matches(of: /<a href="([^"]+)">([^<]+)<\/a>/) {
            html[String(match.2).replacingOccurrences(of: "&amp;", with: "&")] = String(match.1)
        }
        #expect(html.filter { $0.value.contains("/a/") || $0.value.contains("/me/") } == text)
        return text
    }

    /// The record a link's token opens, read back through the store.
    func record(_ url: String?) throws -> AnswerLinkRecord {
        let url = try #require(url)
        let path = try #require(URLComponents(string: url)?.path)
        return try #require(try store.answerLink(forToken: String(path.split(separator: "/").last!), now: Self.now))
    }

    /// The part of a link before its query: the same token for every variant.
    static func stem(_ url: String?) -> String? {
        url?.split(separator: "?").first.map(String.init)
    }

    @Test("a meeting reminder offers attendance, an agenda item, the person's page and an opt-out, in both parts")
    func meetingReminder() throws {
        let occurrence = Fixtures.occurrence("2027-03-09")
        let message = try email(Self.reminder(.meeting(occurrence), to: "ben", rule: Self.dayAhead))
        let links = Self.links(in: message)
        #expect(
            Set(links.keys) == [
                "I'll be there", "Send apologies", "Add an item to the agenda", "Your page", "Stop reminders like this",
            ])
        #expect(links["I'll be there"]?.hasSuffix("?answer=attending") == true)
        #expect(links["Send apologies"]?.hasSuffix("?answer=apologies") == true)
        #expect(Self.stem(links["I'll be there"]) == Self.stem(links["Send apologies"]))
        let date = occurrence.originalStart.date
        let attendance = try record(links["I'll be there"])
        #expect(attendance.personID == "ben")
        #expect(attendance.subject == .attendance(seriesID: "leadership", occurrenceDate: date))
        #expect(attendance.expiresAt == occurrence.end + Self.lifetimes.afterSubject)
        let item = try record(links["Add an item to the agenda"])
        #expect(item.subject == .agendaItem(seriesID: "leadership", occurrenceDate: date))
        #expect(item.expiresAt == occurrence.end + Self.lifetimes.afterSubject)
        #expect(links["Your page"]?.hasPrefix("\(Self.base)/me/") == true)
        let page = try record(links["Your page"])
        #expect(page.personID == "ben" && page.subject == .page)
        #expect(page.expiresAt == Self.now + Self.lifetimes.personalPage)
        let stop = try record(links["Stop reminders like this"])
        #expect(stop.personID == "ben" && stop.subject == .optOut(ruleID: "day-ahead"))
        #expect(stop.expiresAt == Self.now + Self.lifetimes.personalPage)
        #expect(message.oneClickUnsubscribe?.absoluteString == links["Stop reminders like this"])
        #expect(!message.text.contains("backbone team.") && !message.text.contains("send your apologies"))
        // Five labels on four links, and nothing else issued.
        #expect(try store.answerLinks(personID: "ben").count == 4)
    }

    @Test("an agenda e-mail carries the answers in its text and at the end of the agenda page")
    func agendaEmail() throws {
        let message = try email(
            Self.reminder(.meeting(Fixtures.occurrence("2027-03-09")), to: "ana", rule: Self.dayAhead, content: .agenda)
        )
        let links = Self.links(in: message)
        #expect(links.count == 5)
        let answers = try #require(message.html.range(of: ">I'll be there</a>"))
        let agendaTitle = try #require(message.html.range(of: "<h1"))
        let end = try #require(message.html.range(of: "</body>", options: .backwards))
        #expect(agendaTitle.upperBound < answers.lowerBound && answers.upperBound < end.lowerBound)
        #expect(try record(links["Add an item to the agenda"]).personID == "ana")
    }

    @Test("an action reminder offers done, in progress, blocked and a new due date through one link without expiry")
    func actionReminder() throws {
        let action = Action(
            id: 12, title: "Send the minutes", ownerID: "ana", due: LocalDate(iso: "2027-02-26"),
            createdAt: .distantPast, updatedAt: .distantPast)
        let message = try email(Self.reminder(.action(action), to: "ana", rule: Self.nag))
        let links = Self.links(in: message)
        #expect(links["Done"]?.hasSuffix("?status=done") == true)
        #expect(links["In progress"]?.hasSuffix("?status=in-progress") == true)
        #expect(links["Blocked"]?.hasSuffix("?status=blocked") == true)
        #expect(links["Change the due date"]?.hasSuffix("?change=due") == true)
        #expect(Set(["Done", "In progress", "Blocked", "Change the due date"].map { Self.stem(links[$0]) }).count == 1)
        let record = try record(links["Done"])
        #expect(record.personID == "ana" && record.subject == .action(12) && record.expiresAt == nil)
        #expect(try self.record(links["Stop reminders like this"]).subject == .optOut(ruleID: "nag"))
    }

    @Test("an indicator data reminder offers to enter the period's value, until its review starts plus the lifetime")
    func indicatorReminder() throws {
        let review = Fixtures.occurrence("2027-04-13")
        let standing = IndicatorStanding(
            indicator: Self.indicator, initiative: Fixtures.initiative, results: [],
            reviewDate: review.localStart.date, today: LocalDate(iso: "2027-03-01")!)
        let message = try email(Self.reminder(.indicator(standing, review: review), to: "ben", rule: Self.dataDue))
        let links = Self.links(in: message)
        let record = try record(links["Enter the 2027-Q1 value"])
        #expect(record.personID == "ben")
        #expect(record.subject == .indicator(indicatorID: "attendance-rate", period: standing.period))
        #expect(record.expiresAt == review.start + Self.lifetimes.afterSubject)
    }

    @Test("a digest gives each member its own answers and opt-out; one click cannot stop several rules at once")
    func digest() throws {
        let action = Action(
            id: 3, title: "Send the minutes", ownerID: "ben", due: LocalDate(iso: "2027-03-10"),
            createdAt: .distantPast, updatedAt: .distantPast)
        let members = [
            Self.reminder(.meeting(Fixtures.occurrence("2027-03-09")), to: "ben", rule: Self.dayAhead),
            Self.reminder(.action(action), to: "ben", rule: Self.nag),
        ]
        let message = try email(Self.reminder(.digest(members), to: "ben", rule: nil))
        let meetingPart = try #require(message.text.range(of: "— Reminder: Leadership Table"))
        let actionPart = try #require(message.text.range(of: "— Action #3"))
        let first = String(message.text[meetingPart.upperBound..<actionPart.lowerBound])
        let second = String(message.text[actionPart.upperBound...])
        #expect(first.contains("I'll be there: ") && first.contains("Stop reminders like this: "))
        #expect(second.contains("Done: ") && second.contains("Stop reminders like this: "))
        func stop(_ part: String) throws -> String {
            let line = try #require(part.split(separator: "\n").first { $0.hasPrefix("Stop reminders like this: ") })
            return String(line.dropFirst("Stop reminders like this: ".count))
        }
        #expect(try record(stop(first)).subject == .optOut(ruleID: "day-ahead"))
        #expect(try record(stop(second)).subject == .optOut(ruleID: "nag"))
        #expect(message.html.contains("<h2"))
        #expect(message.oneClickUnsubscribe == nil)
        #expect(try record(Self.links(in: message)["Your page"]).subject == .page)

        let sameRule = try email(Self.reminder(.digest([members[0]]), to: "ben", rule: nil))
        let url = try #require(sameRule.oneClickUnsubscribe)
        #expect(try record(url.absoluteString).subject == .optOut(ruleID: "day-ahead"))
    }

    @Test("an invitation offers the answers for the series' next meeting and the page; a cancellation only the page")
    func invitations() throws {
        let planned = InvitationPlanner.plan(
            initiative: Fixtures.initiative, sequences: ["leadership": 0], states: [], now: Self.now
        ).invitations
        let invitation = try #require(planned.first)
        let payload = InvitationPayload(invitation)
        let entry = OutboxEntry(invitation: invitation)
        guard
            case .email(let message) = try composer().message(
                for: payload, entry: entry, sequences: ["leadership": 0], now: Self.now)
        else { throw ComposeError("expected an invitation") }
        let links = Self.links(in: message)
        #expect(Set(links.keys) == ["I'll be there", "Send apologies", "Add an item to the agenda", "Your page"])
        let next = try #require(
            Schedule(initiative: Fixtures.initiative).nextMeeting(of: Fixtures.leadership, after: entry.createdAt))
        let attendance = try record(links["I'll be there"])
        #expect(attendance.subject == .attendance(seriesID: "leadership", occurrenceDate: next.originalStart.date))
        #expect(attendance.personID == invitation.personID)
        #expect(message.oneClickUnsubscribe == nil)

        var cancelled = InvitationPayload(invitation)
        cancelled.kind = .cancelSeries
        guard
            case .email(let cancellation) = try composer().message(
                for: cancelled, entry: entry, sequences: ["leadership": 0], now: Self.now)
        else { throw ComposeError("expected a cancellation") }
        #expect(Array(Self.links(in: cancellation).keys) == ["Your page"])
        #expect(cancellation.oneClickUnsubscribe == nil)
    }

    @Test("without an https address the opt-out stays in the body but no List-Unsubscribe is offered")
    func plainHTTP() throws {
        let message = try email(
            Self.reminder(.meeting(Fixtures.occurrence("2027-03-09")), to: "ben", rule: Self.dayAhead),
            base: "http://127.0.0.1:8080")
        #expect(message.text.contains("Stop reminders like this: http://127.0.0.1:8080/a/"))
        #expect(message.oneClickUnsubscribe == nil)
    }
}
