import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdAuth
import NIOPosix
import RhythmAgenda
import RhythmCore
import RhythmStore

/// The minutes of one meeting in the console, at `/console/meetings/{series}/{date}/minutes`
/// (`{date}` the meeting's original date, or the date it moved to):
///
/// - `GET`: the form, filled from the saved draft or from the answers and the agenda, with
///   the published minutes below;
/// - `POST`: saves the draft through `MinutesBook.save`, then shows the page again (303);
/// - `POST …/publish`: saves, publishes through `MinutesBook.publish` and wakes the
///   dispatcher, which sends the minutes by e-mail.
///
/// A form with problems is shown again with each problem next to its field (422), and
/// nothing is saved.
public struct ConsoleMinutesPages: Sendable {
    let console: ConsoleRoutes
    let renderMinutes: @Sendable (MinutesContent) -> String

    /// - Parameters:
    ///   - console: the console the pages belong to (its store, initiative, clock, layout and
    ///     dispatcher wake-up).
    ///   - renderMinutes: the published minutes as an HTML page, through the HTML minutes
    ///     template the service uses for e-mail and the agenda page.
    public init(console: ConsoleRoutes, renderMinutes: @escaping @Sendable (MinutesContent) -> String) {
        self.console = console
        self.renderMinutes = renderMinutes
    }

    /// Adds the minutes routes to the console's signed-in group.
    public func register<Context: RequestContext>(on pages: RouterGroup<ConsoleRequestContext<Context>>) {
        pages.get("meetings/{series}/{date}/minutes") { request, context in try await show(request, context) }
        pages.post("meetings/{series}/{date}/minutes") { request, context in
            try await submit(request, context, publishing: false)
        }
        pages.post("meetings/{series}/{date}/minutes/publish") { request, context in
            try await submit(request, context, publishing: true)
        }
    }

    // MARK: - Routes

    private func show<Context>(_ request: Request, _ context: ConsoleRequestContext<Context>) async throws
        -> Response
    {
        let identity = try context.requireIdentity()
        guard let (seriesID, date) = meeting(context) else { return try await noMeeting(identity, nil) }
        let book = MinutesBook(initiative: console.initiative(), store: console.store)
        let sheet: MinutesBook.Sheet
        do {
            sheet = try await NIOThreadPool.singleton.runIfActive { try book.sheet(seriesID: seriesID, date: date) }
        } catch let error as MinutesError {
            return try await noMeeting(identity, error)
        }
        let query = request.uri.queryParameters
        let status = Self.statusMessage(done: query["done"].map(String.init), mails: query["mails"].map(String.init))
        return try await page(
            sheet, form: MinutesFormState(sheet.draft), book: book, identity: identity, status: status)
    }

    private func submit<Context>(
        _ request: Request, _ context: ConsoleRequestContext<Context>, publishing: Bool
    ) async throws -> Response {
        let identity = try context.requireIdentity()
        guard let (seriesID, date) = meeting(context) else { return try await noMeeting(identity, nil) }
        var request = request
        let body = try await request.collectBody(upTo: ConsoleGuard<Context>.maximumFormSize)
        let book = MinutesBook(initiative: console.initiative(), store: console.store)
        let sheet: MinutesBook.Sheet
        do {
            sheet = try await NIOThreadPool.singleton.runIfActive { try book.sheet(seriesID: seriesID, date: date) }
        } catch let error as MinutesError {
            return try await noMeeting(identity, error)
        }
        var form = MinutesFormState(
            posted: ConsoleForm(String(buffer: body)), seriesID: seriesID,
            occurrenceDate: sheet.occurrence.originalStart.date)
        guard form.problems.isEmpty else {
            return try await page(sheet, form: form, book: book, identity: identity, httpStatus: .unprocessableContent)
        }
        let (minutes, decisionRows, actionRows) = form.minutes
        let (actor, now) = (identity.actor, console.now())
        do {
            _ = try await NIOThreadPool.singleton.runIfActive { try book.save(minutes, actor: actor, now: now) }
        } catch let error as MinutesError {
            form.report(error, decisionRows: decisionRows, actionRows: actionRows)
            return try await page(sheet, form: form, book: book, identity: identity, httpStatus: .unprocessableContent)
        } catch let error as StoreError where error.code == .invalidValue {
            // A form altered by hand, such as an action id raised at another meeting.
            form.report("", "The minutes cannot be saved: \(error.description). Open the page again.")
            return try await page(sheet, form: form, book: book, identity: identity, httpStatus: .unprocessableContent)
        }
        let path = ConsolePaths.minutes(sheet.occurrence)
        guard publishing else { return Response(status: .seeOther, headers: [.location: path + "?done=saved"]) }
        let publication: MinutesBook.Publication
        do {
            publication = try await NIOThreadPool.singleton.runIfActive {
                try book.publish(seriesID: seriesID, date: date, actor: actor, now: now)
            }
        } catch let error as MinutesError {
            let saved = try await NIOThreadPool.singleton.runIfActive { try book.sheet(seriesID: seriesID, date: date) }
            var shown = MinutesFormState(saved.draft)
            for problem in error.problems { shown.report("", problem.message) }
            return try await page(saved, form: shown, book: book, identity: identity, httpStatus: .unprocessableContent)
        }
        await console.wakeDispatcher()
        return Response(
            status: .seeOther,
            headers: [.location: path + "?done=published&mails=\(publication.recipientIDs.count)"])
    }

    // MARK: - Pages

    private func page(
        _ sheet: MinutesBook.Sheet, form: MinutesFormState, book: MinutesBook, identity: ConsoleIdentity,
        status: String? = nil, httpStatus: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let occurrence = sheet.occurrence
        let store = console.store
        let items = try await NIOThreadPool.singleton.runIfActive {
            try store.agendaItems(
                seriesID: occurrence.series.id, occurrenceDate: occurrence.originalStart.date, includingWithdrawn: true,
                limit: 10_000, offset: 0)
        }
        var choices = items.filter { $0.withdrawal == nil }.map { (id: $0.id, title: $0.title) }
        for note in sheet.draft.itemNotes where !choices.contains(where: { $0.id == note.agendaItemID }) {
            choices.append((id: note.agendaItemID, title: note.title))
        }
        let publishedHTML = sheet.record.flatMap { record in
            record.published.map { published in
                renderMinutes(
                    MinutesContent(
                        minutes: published, occurrence: occurrence, initiative: book.initiative,
                        revision: record.revision, publishedAt: record.publishedAt, agendaItems: items))
            }
        }
        let minutesPage = ConsoleMinutesPage(
            sheet: sheet, form: form, initiative: book.initiative, agendaItems: choices, publishedHTML: publishedHTML,
            status: status, csrfField: ConsoleLayout.csrfField(identity))
        return console.layout.response(
            title: minutesPage.title, content: minutesPage.render(), initiative: book.initiative.name,
            identity: identity, currentPath: ConsolePaths.minutes(occurrence), status: httpStatus)
    }

    /// The page for a path that names no meeting with minutes (404).
    private func noMeeting(_ identity: ConsoleIdentity, _ error: MinutesError?) async throws -> Response {
        let message =
            error?.problems.map(\.message).joined(separator: " ")
            ?? "The address names no meeting: it ends with the series and a date written YYYY-MM-DD."
        let content =
            "<h1>No such meeting</h1>\n<p class=\"problem\">\(ConsoleLayout.escape(message))</p>\n"
            + "<p><a href=\"/console\">Back to the console</a></p>\n"
        return console.layout.response(
            title: "No such meeting", content: content, initiative: console.initiative().name, identity: identity,
            status: .notFound)
    }

    // MARK: - Reading the request

    private func meeting<Context>(_ context: ConsoleRequestContext<Context>) -> (String, LocalDate)? {
        guard let series = context.parameters.get("series"), let text = context.parameters.get("date"),
            text.count == 10, let date = LocalDate(iso: text)
        else { return nil }
        return (series, date)
    }

    /// The message for the `done` (and `mails`) query the page redirects to after a post.
    static func statusMessage(done: String?, mails: String?) -> String? {
        switch done {
        case "saved":
            return "Draft saved."
        case "published":
            let count = mails.flatMap { Int($0) } ?? 0
            return "Published: \(count) e-mail\(count == 1 ? "" : "s") on \(count == 1 ? "its" : "their") way."
        default:
            return nil
        }
    }
}
