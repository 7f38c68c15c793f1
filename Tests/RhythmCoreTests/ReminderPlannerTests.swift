import Foundation
import Testing

@testable import RhythmCore

/// Small builders for reminder plans: people in Melbourne and London, an e-mail channel
/// and a Slack channel, and rules stated per test.
enum ReminderFixtures {
    static let melbourne = TimeZone(identifier: "Australia/Melbourne")!
    static let london = TimeZone(identifier: "Europe/London")!
    static let email = Channel(id: "email", kind: .email(EmailSettings(from: "Backbone <backbone@example.org>")))
    static let slack = Channel(id: "team-slack", kind: .slack(webhook: .environment("SLACK_URL")))

    static func time(_ text: String) -> LocalTime {
        let parts = text.split(separator: ":").map { Int($0)! }
        return LocalTime(hour: parts[0], minute: parts[1])!
    }

    static func people(digest: Bool = false, anaQuiet: QuietHours? = nil) -> [Person] {
        [
            Person(
                id: "ana", name: "Ana", email: "ana@example.org", timeZone: melbourne,
                chatHandles: ChatHandles(slack: "U01ANA"), quietHours: anaQuiet, wantsDailyDigest: digest),
            Person(id: "ben", name: "Ben", email: "ben@example.org", timeZone: london),
        ]
    }

    static func series(
        id: String = "leadership", start: String, rule: String? = nil, exceptions: [SeriesException] = [],
        attendees: [String] = ["ana", "ben"], organizer: String? = "ana"
    ) -> MeetingSeries {
        MeetingSeries(
            id: id, title: "Leadership table", kind: .leadership, start: ScheduleFixtures.local(start),
            duration: .seconds(5400), timeZone: melbourne, organizerID: organizer,
            attendees: Attendees(personIDs: attendees), recurrence: rule.map { try! RecurrenceRule(parsing: $0) },
            exceptions: exceptions, holidayPolicy: .ignore)
    }

    static func initiative(
        people: [Person] = people(), series: [MeetingSeries] = [], indicators: [Indicator] = [],
        rules: [ReminderRule], holidays: [HolidayPeriod] = [], quietHours: QuietHours? = nil
    ) -> Initiative {
        Initiative(
            name: "Thriving Futures", timeZone: melbourne, domain: "example.org", people: people,
            holidays: holidays, series: series, indicators: indicators, channels: [email, slack],
            reminderRules: rules, quietHours: quietHours)
    }

    static func rule(
        _ id: String, _ subject: ReminderRule.Subject, _ trigger: ReminderRule.Trigger, channel: String = "email",
        to audience: ReminderRule.Audience, content: ReminderRule.Content = .reminder
    ) -> ReminderRule {
        ReminderRule(
            id: id, subject: subject, trigger: trigger, channelID: channel, audience: audience, content: content)
    }

    static func action(_ id: Int64, owner: String, due: String?, status: Action.Status = .open) -> Action {
        Action(
            id: id, title: "Action \(id)", ownerID: owner, due: due.map(ScheduleFixtures.date), status: status,
            createdAt: .distantPast, updatedAt: .distantPast)
    }

    static func plan(
        _ initiative: Initiative, from: String = "2027-01-01T00:00:00Z", to: String = "2028-01-01T00:00:00Z",
        actions: [Action] = [], results: [IndicatorResult] = [], now: String = "2027-01-01T00:00:00Z"
    ) -> [Reminder] {
        ReminderPlanner.plan(
            initiative: initiative, window: ScheduleFixtures.window(from, to), actions: actions, results: results,
            now: ScheduleFixtures.instant(now))
    }

    static func at(_ local: String, _ zone: TimeZone = melbourne) -> Date {
        zone.instant(for: ScheduleFixtures.local(local))
    }

    static func days(_ amount: Int, _ unit: ReminderOffset.Unit = .days) -> ReminderOffset {
        ReminderOffset(amount: amount, unit: unit)
    }
}

@Suite struct ReminderPlannerTests {
    typealias F = ReminderFixtures

    // MARK: Meetings

    @Test("an agenda three business days before a Tuesday goes out the Thursday before, to each attendee")
    func meetingBusinessDaysAcrossWeekend() {
        let initiative = F.initiative(
            series: [F.series(start: "2027-03-09T10:00:00")],
            rules: [
                F.rule(
                    "agenda", .meetings(seriesIDs: []), .before(F.days(3, .businessDays)), to: .attendees,
                    content: .agenda)
            ])
        let plan = F.plan(initiative)
        #expect(
            plan.map(\.key) == [
                "agenda|series:leadership@2027-03-09T10:00:00|person:ana|email",
                "agenda|series:leadership@2027-03-09T10:00:00|person:ben|email",
            ])
        #expect(plan.allSatisfy { $0.due == F.at("2027-03-04T10:00:00") })
        #expect(plan.allSatisfy { $0.usefulUntil == F.at("2027-03-09T10:00:00") })
        #expect(plan.allSatisfy { $0.content == .agenda && $0.repetition == 0 && $0.rule?.id == "agenda" })
        #expect(plan.map(\.recipient) == [.person("ana"), .person("ben")])
    }

    @Test(
        "a holiday on the Friday does not push a business-day reminder further back: holidays do not stretch the count")
    func meetingBusinessDaysAcrossHoliday() {
        let holiday = HolidayPeriod(
            id: "h", name: "Holiday", firstDay: ScheduleFixtures.date("2027-03-05"),
            lastDay: ScheduleFixtures.date("2027-03-05"))
        let initiative = F.initiative(
            series: [F.series(start: "2027-03-09T10:00:00")],
            rules: [F.rule("agenda", .meetings(seriesIDs: []), .before(F.days(3, .businessDays)), to: .organizer)],
            holidays: [holiday])
        let plan = F.plan(initiative)
        #expect(plan.map(\.due) == [F.at("2027-03-04T10:00:00")])
        #expect(plan.map(\.recipient) == [.person("ana")])
    }

    @Test("minutes, hours and days before count back from the start")
    func meetingOffsets() {
        let series = F.series(start: "2027-03-09T10:00:00", attendees: ["ben"])
        for (offset, expected) in [
            (ReminderOffset(amount: 15, unit: .minutes), F.at("2027-03-09T09:45:00")),
            (ReminderOffset(amount: 2, unit: .hours), F.at("2027-03-09T08:00:00")),
            (ReminderOffset(amount: 2, unit: .days), F.at("2027-03-07T10:00:00")),
        ] {
            let initiative = F.initiative(
                series: [series],
                rules: [F.rule("r", .meetings(seriesIDs: ["leadership"]), .before(offset), to: .attendees)])
            #expect(F.plan(initiative).map(\.due) == [expected])
        }
    }

    @Test("a days-before reminder keeps the wall-clock time across a DST change")
    func meetingDaysAcrossDST() {
        // Melbourne leaves daylight time on 4 April 2027.
        let initiative = F.initiative(
            series: [F.series(start: "2027-04-06T10:00:00", attendees: ["ben"])],
            rules: [F.rule("r", .meetings(seriesIDs: []), .before(F.days(3)), to: .attendees)])
        let plan = F.plan(initiative)
        #expect(plan.map(\.due) == [F.at("2027-04-03T10:00:00")])
        #expect(plan.map(\.due) == [ScheduleFixtures.instant("2027-04-02T23:00:00Z")])
    }

    @Test("a chat channel gets one post per meeting, mentioning attendees with a handle")
    func meetingChatPost() {
        let initiative = F.initiative(
            series: [F.series(start: "2027-03-09T10:00:00")],
            rules: [
                F.rule(
                    "chat", .meetings(seriesIDs: []), .before(F.days(15, .minutes)), channel: "team-slack",
                    to: .attendees)
            ])
        let plan = F.plan(initiative)
        #expect(plan.count == 1)
        #expect(plan.first?.key == "chat|series:leadership@2027-03-09T10:00:00|channel:team-slack|team-slack")
        #expect(plan.first?.recipient == .channel("team-slack"))
        #expect(plan.first?.mentions == ["ana"])
        #expect(plan.first?.due == F.at("2027-03-09T09:45:00"))
    }

    @Test("cancelled and skipped meetings produce nothing; a moved one keeps its key and moves its reminder")
    func meetingExceptions() {
        let series = F.series(
            start: "2027-03-02T10:00:00", rule: "FREQ=WEEKLY;COUNT=4",
            exceptions: [
                .cancel(ScheduleFixtures.date("2027-03-09"), reason: "Clash"),
                .skip(ScheduleFixtures.date("2027-03-16"), reason: nil),
                .move(
                    ScheduleFixtures.date("2027-03-23"),
                    OccurrenceChange(start: ScheduleFixtures.local("2027-03-24T14:00:00"))),
            ], attendees: ["ben"])
        let initiative = F.initiative(
            series: [series], rules: [F.rule("r", .meetings(seriesIDs: []), .before(F.days(1, .hours)), to: .attendees)]
        )
        let plan = F.plan(initiative)
        #expect(
            plan.map(\.key) == [
                "r|series:leadership@2027-03-02T10:00:00|person:ben|email",
                "r|series:leadership@2027-03-23T10:00:00|person:ben|email",
            ])
        #expect(plan.map(\.due) == [F.at("2027-03-02T09:00:00"), F.at("2027-03-24T13:00:00")])
    }

    // MARK: Actions

    @Test("an action reminder goes out at 09:00 in the owner's zone, days or business days before the due date")
    func actionBefore() {
        let rules = [
            F.rule("soon", .actions, .before(F.days(3)), to: .owner),
            F.rule("soon-bd", .actions, .before(F.days(2, .businessDays)), to: .owner),
        ]
        let plan = F.plan(F.initiative(rules: rules), actions: [F.action(7, owner: "ben", due: "2027-03-15")])
        #expect(
            plan.map(\.key) == [
                "soon-bd|action:7@2027-03-15#before|person:ben|email",
                "soon|action:7@2027-03-15#before|person:ben|email",
            ])
        // Monday 15 March: 2 business days before is Thursday 11th; 3 days before is Friday 12th.
        #expect(plan.map(\.due) == [F.at("2027-03-11T09:00:00", F.london), F.at("2027-03-12T09:00:00", F.london)])
        #expect(plan.allSatisfy { $0.usefulUntil == F.at("2027-03-16T09:00:00", F.london) })
    }

    @Test("overdue reminders start the morning after, repeat, stop at the cap, and each is useful until the next")
    func actionOverdue() {
        let rule = F.rule("late", .actions, .overdue(repeatEvery: F.days(7), maximumCount: 3), to: .owner)
        let plan = F.plan(F.initiative(rules: [rule]), actions: [F.action(7, owner: "ana", due: "2027-03-10")])
        #expect(plan.map(\.key) == (1...3).map { "late|action:7@2027-03-10#overdue-\($0)|person:ana|email" })
        #expect(plan.map(\.repetition) == [1, 2, 3])
        #expect(plan.map(\.due) == ["2027-03-11", "2027-03-18", "2027-03-25"].map { F.at("\($0)T09:00:00") })
        #expect(plan.map(\.usefulUntil) == ["2027-03-18", "2027-03-25", "2027-04-01"].map { F.at("\($0)T09:00:00") })
    }

    @Test("overdue in business days starts on the first business day after the due date")
    func actionOverdueBusinessDays() {
        let rule = F.rule(
            "late", .actions, .overdue(repeatEvery: F.days(2, .businessDays), maximumCount: 3), to: .owner)
        let plan = F.plan(F.initiative(rules: [rule]), actions: [F.action(8, owner: "ana", due: "2027-03-12")])
        #expect(plan.map(\.due) == ["2027-03-15", "2027-03-17", "2027-03-19"].map { F.at("\($0)T09:00:00") })
    }

    @Test("an overdue rule that does not repeat fires once")
    func actionOverdueOnce() {
        let rule = F.rule("late", .actions, .overdue(repeatEvery: nil, maximumCount: 5), to: .owner)
        let plan = F.plan(F.initiative(rules: [rule]), actions: [F.action(8, owner: "ana", due: "2027-03-12")])
        // Saturday 13th, the morning after, is no working day: the nag waits for Monday.
        #expect(plan.map(\.due) == [F.at("2027-03-15T09:00:00")])
    }

    // MARK: Weekends and holiday periods

    static func rule(
        _ id: String, _ subject: ReminderRule.Subject, _ trigger: ReminderRule.Trigger,
        to audience: ReminderRule.Audience, content: ReminderRule.Content = .reminder,
        onNonBusinessDays: ReminderRule.NonBusinessDays? = nil
    ) -> ReminderRule {
        ReminderRule(
            id: id, subject: subject, trigger: trigger, channelID: "email", audience: audience, content: content,
            onNonBusinessDays: onNonBusinessDays)
    }

    /// A two-week shutdown, Monday 21 December 2026 to Friday 1 January 2027.
    static let shutdown = HolidayPeriod(
        id: "shutdown", name: "Christmas shutdown", firstDay: ScheduleFixtures.date("2026-12-21"),
        lastDay: ScheduleFixtures.date("2027-01-01"))

    @Test("daily nags wait out the weekend by default: no nag on Saturday or Sunday, one on Monday")
    func nagsSkipWeekends() {
        let rule = Self.rule("late", .actions, .overdue(repeatEvery: F.days(1), maximumCount: 5), to: .owner)
        let initiative = F.initiative(rules: [rule])
        let (plan, skipped) = ReminderPlanner.planWithSkips(
            initiative: initiative, window: ScheduleFixtures.window("2027-01-01T00:00:00Z", "2028-01-01T00:00:00Z"),
            actions: [F.action(8, owner: "ana", due: "2027-03-05")], results: [],
            now: ScheduleFixtures.instant("2027-01-01T00:00:00Z"))
        // Due Friday 5 March: the nags of Saturday and Sunday would land on Monday, where Monday's own takes over.
        #expect(plan.map(\.due) == ["2027-03-08", "2027-03-09", "2027-03-10"].map { F.at("\($0)T09:00:00") })
        #expect(plan.map(\.repetition) == [3, 4, 5])
        #expect(skipped.map(\.reminder.repetition) == [1, 2])
        #expect(
            skipped.map(\.reason) == [
                "Saturday 2027-03-06 is a weekend day; moving it is too late: the next reminder about it takes over by then",
                "Sunday 2027-03-07 is a weekend day; moving it is too late: the next reminder about it takes over by then",
            ])
    }

    @Test("a nag in the initiative's shutdown moves to the first day back and says why")
    func nagsWaitOutShutdown() {
        let rule = Self.rule("soon", .actions, .before(F.days(3)), to: .owner)
        let initiative = F.initiative(rules: [rule], holidays: [Self.shutdown])
        let plan = F.plan(
            initiative, from: "2026-12-01T00:00:00Z", actions: [F.action(8, owner: "ana", due: "2027-01-04")],
            now: "2026-12-01T00:00:00Z")
        #expect(plan.map(\.due) == [F.at("2027-01-04T09:00:00")])
        #expect(
            plan.first?.adjustment
                == Reminder.Adjustment(
                    plannedDue: F.at("2027-01-01T09:00:00"), reason: "Friday 2027-01-01 is in Christmas shutdown"))
        let skipping = F.initiative(
            rules: [Self.rule("soon", .actions, .before(F.days(10)), to: .owner, onNonBusinessDays: .skip)],
            holidays: [Self.shutdown])
        let (kept, skipped) = ReminderPlanner.planWithSkips(
            initiative: skipping, window: ScheduleFixtures.window("2026-12-01T00:00:00Z", "2027-02-01T00:00:00Z"),
            actions: [F.action(8, owner: "ana", due: "2027-01-06")], results: [],
            now: ScheduleFixtures.instant("2026-12-01T00:00:00Z"))
        #expect(kept.isEmpty)
        #expect(skipped.map(\.reason) == ["Sunday 2026-12-27 is in Christmas shutdown; its rule skips such days"])
    }

    @Test(
        "an agenda 3 business days before the first meeting after a shutdown counts weekdays, then follows its rule",
        arguments: [
            // Tuesday 5 January 10:00: three weekdays back is Thursday 31 December, in the shutdown
            // (counting business days outside it would give Wednesday 16 December, three weeks early).
            (ReminderRule.NonBusinessDays?.none, "2026-12-31T10:00:00"),
            (.send, "2026-12-31T10:00:00"),
            (.nextBusinessDay, "2027-01-04T10:00:00"),
            // The last business day before the shutdown is Friday 18 December, but the previous
            // meeting (Tuesday 29 December, 10:00 to 11:30) comes after it: not before its end.
            (.previousBusinessDay, "2026-12-29T11:30:00"),
        ])
    func agendaAfterShutdown(policy: ReminderRule.NonBusinessDays?, expected: String) {
        let rule = Self.rule(
            "agenda", .meetings(seriesIDs: []), .before(F.days(3, .businessDays)), to: .organizer, content: .agenda,
            onNonBusinessDays: policy)
        let initiative = F.initiative(
            series: [F.series(start: "2026-12-01T10:00:00", rule: "FREQ=WEEKLY;BYDAY=TU")], rules: [rule],
            holidays: [Self.shutdown])
        let plan = F.plan(initiative, from: "2026-12-24T00:00:00Z", to: "2027-01-05T00:00:00Z")
        let agenda = plan.first { $0.key.contains("@2027-01-05") }
        #expect(agenda?.due == F.at(expected))
        #expect(plan.allSatisfy { $0.usefulUntil > $0.due })
    }

    @Test("closed actions, actions without a due date and unknown owners produce nothing")
    func actionsWithoutReminders() {
        let rules = [
            F.rule("soon", .actions, .before(F.days(3)), to: .owner),
            F.rule("late", .actions, .overdue(repeatEvery: F.days(7), maximumCount: 3), to: .owner),
        ]
        let actions = [
            F.action(1, owner: "ana", due: "2027-03-10", status: .done),
            F.action(2, owner: "ana", due: "2027-03-10", status: .dropped),
            F.action(3, owner: "ana", due: nil),
            F.action(4, owner: "nobody", due: "2027-03-10"),
        ]
        #expect(F.plan(F.initiative(rules: rules), actions: actions).isEmpty)
        let blocked = F.action(5, owner: "ana", due: "2027-03-10", status: .blocked)
        #expect(F.plan(F.initiative(rules: rules), actions: [blocked]).count == 4)
    }

    // MARK: Indicators

    static let indicator = Indicator(
        id: "attendance", name: "School attendance", unit: "%", direction: .higherIsBetter, ownerID: "ana",
        reportingPeriod: .quarter, reviewSeriesID: "review", dueBusinessDaysBeforeReview: 5)

    static func reviewInitiative(_ rules: [ReminderRule]) -> Initiative {
        F.initiative(
            series: [F.series(id: "review", start: "2027-04-13T10:00:00", attendees: ["ana"])],
            indicators: [indicator], rules: rules)
    }

    @Test("data due five business days before the review: reminded before, then overdue until the review")
    func indicatorReminders() {
        let plan = F.plan(
            Self.reviewInitiative([
                F.rule("data-due", .indicators, .before(F.days(2, .businessDays)), to: .owner),
                F.rule(
                    "data-late", .indicators, .overdue(repeatEvery: F.days(2, .businessDays), maximumCount: 4),
                    to: .owner),
            ]))
        // Review Tuesday 13 April; data due Tuesday 6 April; 2 business days before is Friday 2 April.
        #expect(
            plan.map(\.key) == [
                "data-due|indicator:attendance@2027-Q1#before|person:ana|email",
                "data-late|indicator:attendance@2027-Q1#overdue-1|person:ana|email",
                "data-late|indicator:attendance@2027-Q1#overdue-2|person:ana|email",
                "data-late|indicator:attendance@2027-Q1#overdue-3|person:ana|email",
            ])
        #expect(
            plan.map(\.due) == ["2027-04-02", "2027-04-07", "2027-04-09", "2027-04-13"].map { F.at("\($0)T09:00:00") })
        #expect(plan.allSatisfy { $0.usefulUntil == F.at("2027-04-13T10:00:00") })
        if case .indicator(let standing, let review)? = plan.first?.subject {
            #expect(standing.dueDate == ScheduleFixtures.date("2027-04-06"))
            #expect(review.series.id == "review")
        } else {
            Issue.record("expected an indicator subject")
        }
    }

    @Test("data already reported produces no reminders")
    func indicatorRecorded() {
        let result = IndicatorResult(
            id: 1, indicatorID: "attendance", period: ReportingPeriod(parsing: "2027-Q1")!, value: 91,
            recordedBy: "ana", recordedAt: .distantPast)
        let plan = F.plan(
            Self.reviewInitiative([
                F.rule("data-due", .indicators, .before(F.days(2, .businessDays)), to: .owner),
                F.rule("data-late", .indicators, .overdue(repeatEvery: F.days(1), maximumCount: 4), to: .owner),
            ]), results: [result])
        #expect(plan.isEmpty)
    }

    // MARK: Quiet hours

    @Test(
        "quiet hours across midnight defer to their end on the local wall clock, through DST nights",
        arguments: [
            // Melbourne leaves daylight time (+11 to +10) on 4 April 2027.
            ("Australia/Melbourne", "2027-04-03T12:00:00Z", "2027-04-03T21:00:00Z"),
            // After midnight, inside the span: the same morning.
            ("Australia/Melbourne", "2027-04-03T18:00:00Z", "2027-04-03T21:00:00Z"),
            // Melbourne enters daylight time (+10 to +11) on 3 October 2027.
            ("Australia/Melbourne", "2027-10-02T13:00:00Z", "2027-10-02T20:00:00Z"),
            // London enters summer time on 28 March 2027: 23:30 GMT to 07:00 BST.
            ("Europe/London", "2027-03-27T23:30:00Z", "2027-03-28T06:00:00Z"),
            // London leaves summer time on 31 October 2027: 23:00 BST to 07:00 GMT.
            ("Europe/London", "2027-10-30T22:00:00Z", "2027-10-31T07:00:00Z"),
            // Outside the span: unchanged.
            ("Europe/London", "2027-03-27T12:00:00Z", "2027-03-27T12:00:00Z"),
        ])
    func quietHoursDeferral(zone: String, due: String, expected: String) {
        let quiet = QuietHours(start: F.time("22:00"), end: F.time("07:00"))
        let deferred = quiet.deferring(ScheduleFixtures.instant(due), in: TimeZone(identifier: zone)!)
        #expect(deferred == ScheduleFixtures.instant(expected))
    }

    @Test("quiet hours within one day end the same day")
    func quietHoursDaytime() {
        let quiet = QuietHours(start: F.time("12:00"), end: F.time("13:30"))
        #expect(quiet.deferring(F.at("2027-03-09T12:15:00"), in: F.melbourne) == F.at("2027-03-09T13:30:00"))
        #expect(quiet.deferring(F.at("2027-03-09T13:30:00"), in: F.melbourne) == F.at("2027-03-09T13:30:00"))
    }

    @Test("a person's own quiet hours win over the initiative's, each read in the person's zone")
    func quietHoursInPlanner() {
        let series = F.series(start: "2027-03-09T10:00:00")
        // 21:00 the day before in Melbourne is 10:00 in London.
        let rule = F.rule("r", .meetings(seriesIDs: []), .before(F.days(13, .hours)), to: .attendees)
        let initiative = F.initiative(
            people: F.people(anaQuiet: QuietHours(start: F.time("20:00"), end: F.time("06:30"))), series: [series],
            rules: [rule], quietHours: QuietHours(start: F.time("22:00"), end: F.time("07:00")))
        let plan = F.plan(initiative)
        #expect(plan.map(\.recipient) == [.person("ben"), .person("ana")])
        #expect(plan.map(\.due) == [F.at("2027-03-08T21:00:00"), F.at("2027-03-09T06:30:00")])
    }

    @Test("a reminder that quiet hours would push past the meeting is dropped")
    func quietHoursPastUsefulness() {
        let initiative = F.initiative(
            series: [F.series(start: "2027-03-09T07:00:00", attendees: ["ana"])],
            rules: [F.rule("r", .meetings(seriesIDs: []), .before(F.days(30, .minutes)), to: .attendees)],
            quietHours: QuietHours(start: F.time("22:00"), end: F.time("07:30")))
        #expect(F.plan(initiative).isEmpty)
    }

    // MARK: Quiet hours and business days together

    /// An initiative with quiet hours from 18:00 to 08:00 and one meeting at `start` in `zone`,
    /// attended by the person who lives there, reminded of it `daysBefore` days before.
    static func eveningMeeting(
        in zone: TimeZone, start: String, daysBefore: Int, policy: ReminderRule.NonBusinessDays
    ) -> Initiative {
        let attendee = zone == F.melbourne ? "ana" : "ben"
        let series = MeetingSeries(
            id: "evening", title: "Evening table", kind: .leadership, start: ScheduleFixtures.local(start),
            duration: .seconds(3600), timeZone: zone, organizerID: attendee,
            attendees: Attendees(personIDs: [attendee]), recurrence: nil, exceptions: [], holidayPolicy: .ignore)
        return F.initiative(
            series: [series],
            rules: [
                Self.rule(
                    "nag", .meetings(seriesIDs: []), .before(F.days(daysBefore, .days)), to: .attendees,
                    onNonBusinessDays: policy)
            ],
            holidays: [Self.shutdown], quietHours: QuietHours(start: F.time("18:00"), end: F.time("08:00")))
    }

    @Test(
        "a Friday 19:00 reminder deferred by quiet hours to Saturday goes on to the next business day at 08:00",
        arguments: [
            // Monday 15 March 19:00; three days before is Friday 12 March 19:00.
            (F.melbourne, "2027-03-15T19:00:00", 3, "2027-03-12T19:00:00", "2027-03-15T08:00:00", "2027-03-13"),
            (F.london, "2027-03-15T19:00:00", 3, "2027-03-12T19:00:00", "2027-03-15T08:00:00", "2027-03-13"),
            // Tuesday 5 January 19:00; eighteen days before is Friday 18 December 19:00, the
            // evening before the weekend that opens the shutdown: Monday 4 January, 08:00.
            (F.melbourne, "2027-01-05T19:00:00", 18, "2026-12-18T19:00:00", "2027-01-04T08:00:00", "2026-12-19"),
            (F.london, "2027-01-05T19:00:00", 18, "2026-12-18T19:00:00", "2027-01-04T08:00:00", "2026-12-19"),
        ])
    func quietHoursThenBusinessDays(
        zone: TimeZone, start: String, daysBefore: Int, planned: String, expected: String, saturday: String
    ) throws {
        let initiative = Self.eveningMeeting(in: zone, start: start, daysBefore: daysBefore, policy: .nextBusinessDay)
        let plan = F.plan(initiative, from: "2026-12-01T00:00:00Z")
        let reminder = try #require(plan.first)
        #expect(plan.count == 1)
        #expect(reminder.due == F.at(expected, zone))
        #expect(
            reminder.adjustment
                == Reminder.Adjustment(
                    plannedDue: F.at(planned, zone),
                    reason: "quiet hours defer it to 08:00; Saturday \(saturday) is a weekend day"))
    }

    @Test("a rule that skips non-business days skips a reminder quiet hours defer onto one, and says so")
    func quietHoursThenSkip() {
        let initiative = Self.eveningMeeting(
            in: F.london, start: "2027-03-15T19:00:00", daysBefore: 3, policy: .skip)
        let (plan, skipped) = ReminderPlanner.planWithSkips(
            initiative: initiative, window: ScheduleFixtures.window("2027-01-01T00:00:00Z", "2028-01-01T00:00:00Z"),
            actions: [], results: [], now: ScheduleFixtures.instant("2027-01-01T00:00:00Z"))
        #expect(plan.isEmpty)
        #expect(skipped.map(\.reminder.due) == [F.at("2027-03-12T19:00:00", F.london)])
        #expect(
            skipped.map(\.reason) == [
                "quiet hours defer it to 08:00; Saturday 2027-03-13 is a weekend day; its rule skips such days"
            ])
    }

    // MARK: Digests

    @Test("a digest gathers one person's e-mail reminders of a local day at 07:30; chat posts stay apart")
    func digest() throws {
        let rules = [
            F.rule("agenda", .meetings(seriesIDs: []), .before(F.days(2, .days)), to: .attendees, content: .agenda),
            // Sunday's nag stays on Sunday, to share that day's digest.
            Self.rule("soon", .actions, .before(F.days(1)), to: .owner, onNonBusinessDays: .send),
            F.rule("chat", .meetings(seriesIDs: []), .before(F.days(2, .days)), channel: "team-slack", to: .attendees),
        ]
        let initiative = F.initiative(
            people: F.people(digest: true), series: [F.series(start: "2027-03-09T10:00:00")], rules: rules)
        let plan = F.plan(initiative, actions: [F.action(3, owner: "ana", due: "2027-03-08")])
        #expect(
            plan.map(\.key) == [
                "digest|2027-03-07|person:ana|email",
                "agenda|series:leadership@2027-03-09T10:00:00|person:ben|email",
                "chat|series:leadership@2027-03-09T10:00:00|channel:team-slack|team-slack",
            ])
        let digest = try #require(plan.first)
        #expect(digest.due == F.at("2027-03-07T07:30:00"))
        #expect(digest.content == .digest && digest.rule == nil)
        #expect(digest.usefulUntil == F.at("2027-03-09T10:00:00"))
        guard case .digest(let members) = digest.subject else {
            Issue.record("expected a digest")
            return
        }
        #expect(
            members.map(\.key) == [
                "soon|action:3@2027-03-08#before|person:ana|email",
                "agenda|series:leadership@2027-03-09T10:00:00|person:ana|email",
            ])
    }

    @Test("a digest goes out with its earliest member when that is before 07:30")
    func digestEarly() {
        let initiative = F.initiative(
            people: F.people(digest: true), series: [F.series(start: "2027-03-09T07:00:00", attendees: ["ana"])],
            rules: [F.rule("r", .meetings(seriesIDs: []), .before(F.days(1, .hours)), to: .attendees)])
        let plan = F.plan(initiative)
        #expect(plan.map(\.key) == ["digest|2027-03-09|person:ana|email"])
        #expect(plan.map(\.due) == [F.at("2027-03-09T06:00:00")])
    }

    // MARK: Whole plans

    static func busyInitiative() -> Initiative {
        F.initiative(
            people: F.people(digest: true),
            series: [
                F.series(start: "2027-03-02T10:00:00", rule: "FREQ=WEEKLY;COUNT=20"),
                F.series(id: "review", start: "2027-04-13T10:00:00", rule: "FREQ=MONTHLY;COUNT=6", attendees: ["ana"]),
            ],
            indicators: [indicator],
            rules: [
                F.rule(
                    "agenda", .meetings(seriesIDs: ["leadership"]), .before(F.days(3, .businessDays)), to: .attendees),
                F.rule(
                    "chat", .meetings(seriesIDs: []), .before(F.days(15, .minutes)), channel: "team-slack",
                    to: .attendees),
                F.rule("soon", .actions, .before(F.days(3)), to: .owner),
                F.rule("late", .actions, .overdue(repeatEvery: F.days(7), maximumCount: 4), to: .owner),
                F.rule("data-due", .indicators, .before(F.days(2, .businessDays)), to: .owner),
                F.rule("data-late", .indicators, .overdue(repeatEvery: F.days(1), maximumCount: 3), to: .owner),
            ],
            quietHours: QuietHours(start: F.time("21:00"), end: F.time("08:00")))
    }

    static let actions = [
        F.action(1, owner: "ana", due: "2027-03-20"), F.action(2, owner: "ben", due: "2027-04-02"),
        F.action(3, owner: "ben", due: "2027-05-11"),
    ]

    @Test("planning twice gives the same reminders, keys are unique and the order is by due then key")
    func determinism() {
        let first = F.plan(Self.busyInitiative(), actions: Self.actions)
        let second = F.plan(Self.busyInitiative(), actions: Self.actions)
        #expect(first == second)
        #expect(first.count > 40)
        #expect(Set(first.map(\.key)).count == first.count)
        #expect(first == first.sorted { ($0.due, $0.key) < ($1.due, $1.key) })
    }

    @Test("two adjacent windows plan exactly what the whole window plans")
    func windowsAdd() {
        let whole = F.plan(
            Self.busyInitiative(), from: "2027-03-01T00:00:00Z", to: "2027-06-01T00:00:00Z", actions: Self.actions)
        let halves =
            F.plan(
                Self.busyInitiative(), from: "2027-03-01T00:00:00Z", to: "2027-04-07T13:00:00Z", actions: Self.actions)
            + F.plan(
                Self.busyInitiative(), from: "2027-04-07T13:00:00Z", to: "2027-06-01T00:00:00Z", actions: Self.actions)
        #expect(whole.map(\.key) == halves.map(\.key))
        #expect(whole == halves)
        let window = ScheduleFixtures.window("2027-03-01T00:00:00Z", "2027-06-01T00:00:00Z")
        #expect(whole.allSatisfy { window.start <= $0.due && $0.due < window.end })
    }
}
