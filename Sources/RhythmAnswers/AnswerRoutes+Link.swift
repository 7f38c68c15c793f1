import Foundation
import Hummingbird
import RhythmCore
import RhythmStore

/// `/a/<token>`: one question, for the one purpose and subject of its link.
extension AnswerRoutes {
    /// GET and HEAD: the question, with the answer the query names preselected. Reads only.
    func showLink(token: String, request: Request) async throws -> Page {
        guard let visit = try await visit(token: token, personalPage: false) else { return notFound() }
        let query = Dictionary(request.uri.queryParameters.map { (String($0.key), String($0.value)) }) { a, _ in a }
        let preselect = FormBody(fields: query)
        return try await blocking { store in
            try question(for: visit, preselect: preselect, problems: []) ?? notFound()
        }
    }

    /// POST: the answer, or "Undo", or the one-click opt-out a mailbox provider sends.
    func answerLink(token: String, request: Request) async throws -> Page {
        let form = await form(of: request)
        guard let visit = try await visit(token: token, personalPage: false) else { return notFound() }
        return try await blocking { store in
            guard try question(for: visit, preselect: FormBody(fields: [:]), problems: []) != nil else {
                return notFound()
            }
            if case .optOut(let ruleID) = visit.link.subject, form.fields == OptOutAnswer.oneClickBody {
                // RFC 8058: the provider posts exactly this, with no cookie and no nonce,
                // follows no redirect, and wants a 200.
                let answer = try OptOutAnswer.apply(ruleID: ruleID, visit: visit, store: store)
                return try result(answer, visit: visit, undoAction: token, backLink: nil)
            }
            if let refusal = try spend(form, visit: visit) { return refusal }
            if form["undo"] != nil { return try undo(form, visit: visit, backLink: nil) }
            switch try apply(form, visit: visit, store: store) {
            case .success(let answer):
                return try result(answer, visit: visit, undoAction: token, backLink: nil)
            case .failure(let problems):
                var page = try question(for: visit, preselect: form, problems: problems.messages) ?? notFound()
                page.status = .unprocessableContent
                return page
            }
        }
    }

    /// The question page of the link's subject; nil when the subject is gone, belongs to
    /// someone else, or is closed for too long.
    private func question(for visit: Visit, preselect: FormBody, problems: [String]) throws -> Page? {
        let nonce = nonces.issue(linkID: visit.link.id, now: visit.now)
        var view: View
        let template: String
        switch visit.link.subject {
        case .page:
            return nil
        case .attendance(let seriesID, let date):
            guard let meeting = MeetingSubject.find(seriesID: seriesID, originalDate: date, visit: visit) else {
                return nil
            }
            template = "attendance.html"
            view = try AttendanceAnswer.view(meeting, visit: visit, preselect: preselect, store: store)
        case .agendaItem(let seriesID, let date):
            guard let meeting = MeetingSubject.find(seriesID: seriesID, originalDate: date, visit: visit) else {
                return nil
            }
            template = "agenda-item.html"
            view = AgendaItemAnswer.view(meeting, visit: visit, preselect: preselect)
        case .action(let id):
            guard let action = try ActionAnswer.find(id: id, visit: visit, settings: settings, store: store) else {
                return nil
            }
            template = "action.html"
            view = ActionAnswer.view(action, visit: visit, preselect: preselect)
        case .indicator(let indicatorID, let period):
            guard let indicator = IndicatorAnswer.find(indicatorID: indicatorID, period: period, visit: visit) else {
                return nil
            }
            template = "indicator.html"
            view = try IndicatorAnswer.view(indicator, period: period, visit: visit, preselect: preselect, store: store)
        case .optOut(let ruleID):
            guard let rule = visit.initiative.reminderRules.first(where: { $0.id == ruleID }) else { return nil }
            template = "opt-out.html"
            view = try OptOutAnswer.view(rule, visit: visit, store: store)
        }
        view["nonce"] = nonce
        view["formAction"] = visit.token
        view["problems"] = problems
        view["hasProblems"] = !problems.isEmpty
        return Page(template: template, view: view)
    }

    /// Writes the answer the form gives for the link's subject.
    private func apply(_ form: FormBody, visit: Visit, store: AppDatabase) throws -> Result<AppliedAnswer, Problems> {
        switch visit.link.subject {
        case .page:
            return .failure(Problems(["This link has no question."]))
        case .attendance(let seriesID, let date):
            guard let meeting = MeetingSubject.find(seriesID: seriesID, originalDate: date, visit: visit) else {
                return .failure(Problems(["This meeting is no longer planned."]))
            }
            return try AttendanceAnswer.apply(form, meeting: meeting, visit: visit, store: store)
        case .agendaItem(let seriesID, let date):
            guard let meeting = MeetingSubject.find(seriesID: seriesID, originalDate: date, visit: visit) else {
                return .failure(Problems(["This meeting is no longer planned."]))
            }
            return try AgendaItemAnswer.apply(form, meeting: meeting, visit: visit, store: store)
        case .action(let id):
            guard let action = try ActionAnswer.find(id: id, visit: visit, settings: settings, store: store) else {
                return .failure(Problems(["This action can no longer be changed here."]))
            }
            return try ActionAnswer.apply(form, action: action, visit: visit, store: store)
        case .indicator(let indicatorID, let period):
            guard let indicator = IndicatorAnswer.find(indicatorID: indicatorID, period: period, visit: visit) else {
                return .failure(Problems(["This indicator is no longer yours to report."]))
            }
            return try IndicatorAnswer.apply(form, indicator: indicator, period: period, visit: visit, store: store)
        case .optOut(let ruleID):
            return .success(try OptOutAnswer.apply(ruleID: ruleID, visit: visit, store: store))
        }
    }
}

/// What is wrong with an answer, in words for the person who gave it.
struct Problems: Error, Sendable {
    let messages: [String]

    init(_ messages: [String]) {
        self.messages = messages
    }
}
