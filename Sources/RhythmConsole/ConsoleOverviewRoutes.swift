import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdAuth
import NIOPosix
import RhythmCore
import RhythmStore

/// The console's overview pages behind the sign-in: the list of meetings with its "Add an
/// extra meeting" form (`/console/meetings`) and the decision log (`/console/decisions`).
///
/// Register them in the signed-in group of ``ConsoleRoutes/register(on:pages:)``, which
/// checks the session and every form's CSRF token before they run.
public struct ConsoleOverviewRoutes: Sendable {
    let store: AppDatabase
    let initiative: @Sendable () -> Initiative
    let fileInitiative: @Sendable () -> Initiative
    let onLiveChange: @Sendable () async throws -> Void
    let now: @Sendable () -> Date
    let layout = ConsoleLayout()

    /// - Parameters:
    ///   - store: where live changes and decisions are kept.
    ///   - initiative: the current initiative (live changes laid over the file), for names.
    ///   - fileInitiative: the configuration file's own initiative, which live changes are
    ///     checked against and laid over.
    ///   - onLiveChange: called after a live change is stored, to make it take effect in the
    ///     feeds, invitations and reminders before the page answers.
    ///   - now: the clock.
    public init(
        store: AppDatabase, initiative: @escaping @Sendable () -> Initiative,
        fileInitiative: @escaping @Sendable () -> Initiative, onLiveChange: @escaping @Sendable () async throws -> Void,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.store = store
        self.initiative = initiative
        self.fileInitiative = fileInitiative
        self.onLiveChange = onLiveChange
        self.now = now
    }

    /// Adds the pages to the console's signed-in group.
    public func register<Parent: RequestContext>(on group: RouterGroup<ConsoleRequestContext<Parent>>) {
        group.get("meetings") { request, context in
            try await meetings(identity: context.requireIdentity(), notice: Self.notice(request, initiative()))
        }
        group.post("meetings") { request, context in try await addExtraMeeting(request, context) }
        group.get("decisions") { request, context in try await decisions(request, context) }
    }

    // MARK: - Meetings

    private func meetings(
        identity: ConsoleIdentity, form: ExtraMeetingForm = ExtraMeetingForm(),
        problems: ExtraMeetingForm.FormProblems = .init(), notice: String? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let (store, file, instant) = (self.store, fileInitiative(), now())
        let changes = try await NIOThreadPool.singleton.runIfActive { try store.liveChanges(includingEnded: false) }
        let layering = LiveLayering(file: file, changes: changes)
        let list = MeetingList(layering: layering, now: instant)
        let content = MeetingsPage.render(
            list, initiative: layering.initiative, identity: identity, form: form, problems: problems, notice: notice)
        return layout.response(
            title: problems.isEmpty ? "Meetings" : "Meetings: the extra meeting was not added", content: content,
            initiative: layering.initiative.name, identity: identity, currentPath: ConsolePaths.meetings,
            status: status)
    }

    /// POST /console/meetings: makes a live `extra` change as `console:<person>`, then sends
    /// the browser back to the list (303) with a status line, or shows the form again with
    /// the problems next to their fields (422).
    private func addExtraMeeting<Parent>(_ request: Request, _ context: ConsoleRequestContext<Parent>) async throws
        -> Response
    {
        let identity = try context.requireIdentity()
        var request = request
        let body = try await request.collectBody(upTo: ConsoleGuard<Parent>.maximumFormSize)
        let form = ExtraMeetingForm(form: String(buffer: body))
        let parsed: LiveChangeRequest
        switch form.request() {
        case .success(let request): parsed = request
        case .failure(let problems):
            return try await meetings(identity: identity, form: form, problems: problems, status: .unprocessableContent)
        }
        let (store, file, instant, actor) = (self.store, fileInitiative(), now(), identity.actor)
        let change: LiveChange
        do {
            change = try await NIOThreadPool.singleton.runIfActive {
                try store.makeLiveChange(parsed, over: file, actor: actor, now: instant)
            }
        } catch let error as LiveChangeRequestError {
            return try await meetings(
                identity: identity, form: form, problems: ExtraMeetingForm.problems(error),
                status: .unprocessableContent)
        }
        try await onLiveChange()
        var query = URLComponents()
        query.queryItems = [
            URLQueryItem(name: "added", value: change.seriesID),
            URLQueryItem(name: "date", value: "\(change.kind.date)"),
        ]
        return Response(
            status: .seeOther, headers: [.location: ConsolePaths.meetings + "?" + (query.percentEncodedQuery ?? "")])
    }

    /// The status line after a redirect: named from the configuration, never the query's words.
    static func notice(_ request: Request, _ initiative: Initiative) -> String? {
        let query = request.uri.queryParameters
        guard let seriesID = query.get("added"), let date = query.get("date").flatMap({ LocalDate(iso: $0) }),
            let series = initiative.series.first(where: { $0.id == seriesID })
        else { return nil }
        return "Added an extra meeting of \(series.title) on \(HomeFormat.day(date)) \(date.year)."
    }

    // MARK: - Decisions

    private func decisions<Parent>(_ request: Request, _ context: ConsoleRequestContext<Parent>) async throws
        -> Response
    {
        let identity = try context.requireIdentity()
        let initiative = self.initiative()
        let requested = request.uri.queryParameters.get("series").flatMap { $0.isEmpty ? nil : $0 }
        if let requested, !initiative.series.contains(where: { $0.id == requested }) {
            let content =
                "<h1>No such series</h1><p class=\"problem\" role=\"alert\">There is no series "
                + "\u{201C}\(ConsoleLayout.escape(requested))\u{201D}.</p>"
                + "<p><a href=\"\(ConsolePaths.decisions)\">Every series' decisions</a></p>"
            return layout.response(
                title: "No such series", content: content, initiative: initiative.name, identity: identity,
                currentPath: ConsolePaths.decisions, status: .notFound)
        }
        let store = self.store
        let logged = try await NIOThreadPool.singleton.runIfActive {
            try store.decisions(seriesID: requested, since: nil)
        }
        return layout.response(
            title: "Decisions", content: DecisionsPage.render(logged, initiative: initiative, selected: requested),
            initiative: initiative.name, identity: identity, currentPath: ConsolePaths.decisions)
    }
}
