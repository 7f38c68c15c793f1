import Foundation
import Hummingbird
import RhythmCore
import RhythmStore

/// `/me/<token>`: a person's own page. Its forms post under `/me/<token>/` (attendance,
/// action, indicator, resume, calendar, undo); links on it are relative, so they hold under
/// any path prefix the reverse proxy adds.
extension AnswerRoutes {
    /// GET and HEAD: the page. Reads only; a calendar link is issued only on POST, since
    /// feed tokens are stored hashed and showing one means issuing a new one. `nested` when
    /// the address is one of the page's form addresses, `/me/<token>/<form>`.
    func showPersonalPage(token: String, nested: Bool = false) async throws -> Page {
        guard let visit = try await visit(token: token, personalPage: true) else { return notFound() }
        return try await blocking { store in
            try personalPage(visit, store: store, formAction: nested ? "../\(token)" : token)
        }
    }

    /// POST to one of the page's forms.
    func answerPersonalPage(token: String, form name: String, request: Request) async throws -> Page {
        let form = await form(of: request)
        guard let visit = try await visit(token: token, personalPage: true) else { return notFound() }
        return try await blocking { store in
            guard PersonalForm(rawValue: name) != nil else { return notFound() }
            if let refusal = try spend(form, visit: visit) { return refusal }
            let back = "../\(token)"
            let outcome: Result<AppliedAnswer, Problems>
            switch PersonalForm(rawValue: name) {
            case .undo:
                return try undo(form, visit: visit, backLink: back)
            case .calendar:
                let issued = try store.rotateFeedToken(for: .person(visit.person.id), now: visit.now)
                var page = try personalPage(visit, store: store, formAction: back, feedToken: issued.token)
                page.changed = true
                return page
            case .attendance:
                guard let seriesID = form["series"], let date = form["date"].flatMap({ LocalDate(iso: $0) }),
                    let meeting = MeetingSubject.find(seriesID: seriesID, originalDate: date, visit: visit)
                else { return notYours(visit, back: back) }
                outcome = try AttendanceAnswer.apply(form, meeting: meeting, visit: visit, store: store)
            case .action:
                guard let id = form["action"].flatMap({ Int64($0) }),
                    let action = try ActionAnswer.find(id: id, visit: visit, settings: settings, store: store)
                else { return notYours(visit, back: back) }
                outcome = try ActionAnswer.apply(form, action: action, visit: visit, store: store)
            case .indicator:
                guard let period = form["period"].flatMap(ReportingPeriod.init(parsing:)),
                    let indicator = IndicatorAnswer.find(
                        indicatorID: form["indicator"] ?? "", period: period, visit: visit)
                else { return notYours(visit, back: back) }
                outcome = try IndicatorAnswer.apply(
                    form, indicator: indicator, period: period, visit: visit, store: store)
            case .resume:
                guard let ruleID = form["rule"],
                    try store.reminderOptOuts(personID: visit.person.id).contains(where: { $0.ruleID == ruleID })
                else { return notYours(visit, back: back) }
                outcome = .success(try OptOutAnswer.resume(ruleID: ruleID, visit: visit, store: store))
            case nil:
                return notFound()
            }
            switch outcome {
            case .success(let answer):
                return try result(answer, visit: visit, undoAction: "undo", backLink: back)
            case .failure(let problems):
                var page = try personalPage(visit, store: store, formAction: back, problems: problems.messages)
                page.status = .unprocessableContent
                return page
            }
        }
    }

    /// The forms of the personal page, by the last segment of the path they post to.
    private enum PersonalForm: String {
        case attendance, action, indicator, resume, calendar, undo
    }

    private func notYours(_ visit: Visit, back: String) -> Page {
        notice(
            visit, title: "This cannot be changed here",
            message: "The form names something that is no longer on your page. Open your page again to see what is.",
            status: .badRequest, backLink: back)
    }

    /// The page: coming meetings with the person's answers, open actions, values owed,
    /// agenda items submitted, the calendar, and reminders stopped. The forms post to
    /// `<formAction>/<form>`: the page's own URL relative to the URL being answered.
    private func personalPage(
        _ visit: Visit, store: AppDatabase, formAction: String, feedToken: String? = nil, problems: [String] = []
    ) throws -> Page {
        let person = visit.person
        let initiative = visit.initiative
        var view = visit.baseView(title: "\(person.name): your page")
        view["weeks"] = Self.personalPageWeeks
        view["perSeries"] = Self.personalPageMeetingsPerSeries
        view["nonce"] = nonces.issue(linkID: visit.link.id, now: visit.now)
        view["formAction"] = formAction
        view["problems"] = problems
        view["hasProblems"] = !problems.isEmpty
        let window = DateInterval(start: visit.now, duration: TimeInterval(Self.personalPageWeeks) * 7 * 86_400)
        let meetings = try meetings(visit, in: window, store: store)
        view["meetings"] = meetings
        view["hasMeetings"] = !meetings.isEmpty
        let open = try store.actions(
            matching: ActionFilter(ownerID: person.id, statuses: [.open, .inProgress, .blocked], limit: 500))
        view["actions"] = open.map { action -> [String: Any] in
            var row: [String: Any] = [
                "id": action.id, "title": action.title, "status": MeetingText.status(action.status),
                "statuses": ActionAnswer.statuses.map { status -> [String: Any] in
                    [
                        "value": status.rawValue, "label": MeetingText.status(status),
                        "selected": status == action.status,
                    ]
                },
            ]
            if let due = action.due { row["due"] = due.description }
            return row
        }
        view["indicators"] = try owedValues(visit, in: window, store: store)
        let items = try store.agendaItems(seriesID: nil, occurrenceDate: nil, limit: 10_000, offset: 0)
            .filter { $0.submittedBy == visit.actor && $0.occurrenceDate >= visit.today }
        view["hasAgendaItems"] = !items.isEmpty
        view["agendaItems"] = items.map { item -> [String: Any] in
            [
                "title": item.title, "date": MeetingText.day(item.occurrenceDate),
                "meeting": initiative.series.first { $0.id == item.seriesID }?.title ?? item.seriesID,
            ]
        }
        if let feedToken {
            let https = "\(settings.baseURL)/feeds/\(feedToken).ics"
            let webcal = "webcal://" + (https.components(separatedBy: "://").dropFirst().first ?? https)
            view["feed"] = ["https": https, "webcal": webcal]
        }
        view["optOuts"] = try store.reminderOptOuts(personID: person.id).map { optOut -> [String: Any] in
            let rule = initiative.reminderRules.first { $0.id == optOut.ruleID }
            return ["rule": optOut.ruleID, "name": rule.map { RuleText.describe($0, in: initiative) } ?? optOut.ruleID]
        }
        return Page(template: "personal-page.html", view: view)
    }

    /// The meetings the person attends in `window` that happen, with their answer for each:
    /// the next `personalPageMeetingsPerSeries` of each series, so that a daily stand-up does
    /// not bury a monthly leadership table under fifty forms.
    private func meetings(_ visit: Visit, in window: DateInterval, store: AppDatabase) throws -> [[String: Any]] {
        let initiative = visit.initiative
        let attended = initiative.series.filter { initiative.isAttending(personID: visit.person.id, series: $0) }
        let answers = try store.attendance(personID: visit.person.id, from: visit.today.adding(days: -1))
        let colleagues = AttendanceAnswer.colleagues(of: visit.person, in: initiative)
        var shown: [String: Int] = [:]
        return Schedule(initiative: initiative).occurrences(of: attended, in: window)
            .filter(AgendaItemRules.happens)
            .filter { occurrence in
                shown[occurrence.series.id, default: 0] += 1
                return shown[occurrence.series.id, default: 0] <= Self.personalPageMeetingsPerSeries
            }
            .map { occurrence -> [String: Any] in
                let date = occurrence.originalStart.date
                let answer = answers.first { $0.seriesID == occurrence.series.id && $0.occurrenceDate == date }
                var row: [String: Any] = [
                    "key": "\(occurrence.series.id)-\(date)", "series": occurrence.series.id,
                    "date": date.description, "meeting": occurrence.series.title,
                    "when": MeetingText.when(occurrence, in: visit.person.timeZone),
                    "answer": answer.map { "your answer: \(MeetingText.response($0.response))" } ?? "no answer yet",
                    "attending": answer?.response == .attending, "apologies": answer?.response == .apologies,
                    "hasColleagues": !colleagues.isEmpty,
                    "colleagues": colleagues.map { colleague -> [String: Any] in
                        ["id": colleague.id, "name": colleague.name, "selected": colleague.id == answer?.delegateID]
                    },
                ]
                if let place = MeetingText.place(occurrence) { row["place"] = place }
                if let note = answer?.note { row["note"] = note }
                return row
            }
    }

    /// The values the person owes for reviews in `window`: periods begun and not recorded.
    private func owedValues(_ visit: Visit, in window: DateInterval, store: AppDatabase) throws -> [[String: Any]] {
        let initiative = visit.initiative
        let owned = initiative.indicators.filter { $0.ownerID == visit.person.id }
        guard !owned.isEmpty else { return [] }
        let results = try store.allIndicatorResults()
        let schedule = Schedule(initiative: initiative)
        var seen: Set<String> = []
        var rows: [[String: Any]] = []
        for indicator in owned {
            guard let review = initiative.series.first(where: { $0.id == indicator.reviewSeriesID }) else { continue }
            for occurrence in schedule.occurrences(of: [review], in: window) where AgendaItemRules.happens(occurrence) {
                let standing = IndicatorStanding(
                    indicator: indicator, initiative: initiative, results: results,
                    reviewDate: occurrence.localStart.date, today: visit.today)
                guard standing.value == nil, standing.period.hasStarted(by: visit.today),
                    seen.insert("\(indicator.id)/\(standing.period)").inserted
                else { continue }
                var row: [String: Any] = [
                    "id": indicator.id, "name": indicator.name, "period": standing.period.description,
                    "unit": indicator.unit, "review": MeetingText.day(occurrence.localStart.date),
                ]
                if let target = indicator.target { row["target"] = MeetingText.number(target) }
                if let latest = standing.latest { row["last"] = MeetingText.number(latest.value) }
                rows.append(row)
            }
        }
        return rows
    }
}
