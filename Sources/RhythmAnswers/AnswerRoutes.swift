import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import NIOPosix
import RhythmCore
import RhythmStore

/// The pages behind answer links: `/a/<token>` asks the one question its link is for,
/// `/me/<token>` is a person's own page.
///
/// A GET or HEAD only ever reads: mail scanners open every link. A POST needs the form's
/// nonce (``FormNonce``, single use), writes through the same store methods the CLI and the
/// API use, audited as `person:<id> (link)`, keeps what it replaced so that it can be undone
/// for ``undoWindow``, and calls `onChange` so that feeds, agendas and reminders follow at
/// once. Every link that does not work, whatever the reason, gets the same 404 page.
public struct AnswerRoutes: Sendable {
    /// How long an answer can be undone.
    public static let undoWindow: TimeInterval = 15 * 60
    /// How far ahead the personal page lists meetings and the values owed for reviews.
    public static let personalPageWeeks = 8
    /// How many coming meetings of each series the personal page offers to answer.
    public static let personalPageMeetingsPerSeries = 4

    let store: AppDatabase
    let initiative: @Sendable () -> Initiative
    let settings: ServiceSettings
    let pages: AnswerPages
    let nonces: FormNonce
    let limits: AnswerRateLimits
    let onChange: @Sendable () async -> Void
    let now: @Sendable () -> Date
    let logger: Logger

    /// - Parameters:
    ///   - store: where links, answers and the work they change live.
    ///   - initiative: the current configuration's initiative, asked for on every request.
    ///   - settings: the service's settings: the public base URL and the links' lifetimes.
    ///   - pages: the templates.
    ///   - nonces: signs and checks the forms' nonces; one per process.
    ///   - limits: the per-link and per-address request limits.
    ///   - onChange: called after every answer, once the store has committed it.
    ///   - now: the clock.
    ///   - logger: for failures inside Rhythm; requests are logged by the server, without tokens.
    public init(
        store: AppDatabase,
        initiative: @escaping @Sendable () -> Initiative,
        settings: ServiceSettings,
        pages: AnswerPages,
        nonces: FormNonce = FormNonce(),
        limits: AnswerRateLimits = AnswerRateLimits(),
        onChange: @escaping @Sendable () async -> Void = {},
        now: @escaping @Sendable () -> Date = { Date() },
        logger: Logger
    ) {
        self.store = store
        self.initiative = initiative
        self.settings = settings
        self.pages = pages
        self.nonces = nonces
        self.limits = limits
        self.onChange = onChange
        self.now = now
        self.logger = logger
    }

    /// Adds `/a/<token>` and `/me/<token>` (GET, HEAD, POST) to `router`.
    public func register<Context: RequestContext>(on router: Router<Context>) {
        router.get("/a/{token}") { request, context in
            try await guarded(request, context) { token in try await showLink(token: token, request: request) }
        }
        router.head("/a/{token}") { request, context in
            try await guarded(request, context, head: true) { token in
                try await showLink(token: token, request: request)
            }
        }
        router.post("/a/{token}") { request, context in
            try await guarded(request, context) { token in try await answerLink(token: token, request: request) }
        }
        router.get("/me/{token}") { request, context in
            try await guarded(request, context) { token in try await showPersonalPage(token: token) }
        }
        router.head("/me/{token}") { request, context in
            try await guarded(request, context, head: true) { token in try await showPersonalPage(token: token) }
        }
        // A result page's address, reloaded or bookmarked, shows the page again.
        router.get("/me/{token}/{form}") { request, context in
            try await guarded(request, context) { token in try await showPersonalPage(token: token, nested: true) }
        }
        router.post("/me/{token}") { request, context in
            try await guarded(request, context) { token in
                try await answerPersonalPage(token: token, form: "", request: request)
            }
        }
        router.post("/me/{token}/{form}") { request, context in
            let form = context.parameters.get("form") ?? ""
            return try await guarded(request, context) { token in
                try await answerPersonalPage(token: token, form: form, request: request)
            }
        }
    }

    // MARK: - Shared steps

    /// A page to send: its template, view, status and whether something changed.
    struct Page: Sendable {
        var template: String
        var view: View
        var status: HTTPResponse.Status = .ok
        var changed = false
    }

    /// Applies the rate limits, then `handle` with the path's token; renders its page with
    /// the security headers, and tells `onChange` when it wrote.
    private func guarded<Context: RequestContext>(
        _ request: Request, _ context: Context, head: Bool = false,
        _ handle: (String) async throws -> Page
    ) async throws -> Response {
        let token = context.parameters.get("token") ?? ""
        let instant = now()
        let peer = (context as? any RemoteAddressRequestContext)?.remoteAddress
        let address = ClientAddress.of(request, peer: peer)
        if let wait = limits.perAddress.admit(address, now: instant)
            ?? limits.perToken.admit(FormNonce.hash(token), now: instant)
        {
            var response = HTMLPage.response(
                pages.render(
                    "notice.html",
                    [
                        "title": "Too many requests", "initiative": initiative().name,
                        "message": "Please wait \(wait) seconds, then try again.",
                    ]), status: .tooManyRequests, policy: pages.contentSecurityPolicy, head: head)
            response.headers[.retryAfter] = String(wait)
            return response
        }
        let page = try await handle(token)
        if page.changed { await onChange() }
        return HTMLPage.response(
            pages.render(page.template, page.view.dictionary), status: page.status,
            policy: pages.contentSecurityPolicy, head: head)
    }

    /// The one page for every link that does not work: no date, no token, nothing that tells
    /// one reason from another.
    func notFound() -> Page {
        // The title names the page for screen readers and in the tab, like every other page's.
        Page(
            template: "not-found.html",
            view: View(["initiative": initiative().name, "title": "This link does not work"]),
            status: .notFound)
    }

    /// The working link `token` names, of the right kind, with its person still in the
    /// configuration; nil otherwise.
    func visit(token: String, personalPage: Bool) async throws -> Visit? {
        let instant = now()
        let link = try await blocking { store in try store.answerLink(forToken: token, now: instant) }
        guard let link, (link.subject == .page) == personalPage else { return nil }
        let initiative = self.initiative()
        guard let person = initiative.people.first(where: { $0.id == link.personID }) else { return nil }
        return Visit(token: token, link: link, person: person, initiative: initiative, now: instant)
    }

    /// Runs store work on NIO's thread pool: SQLite blocks, the cooperative pool must not.
    func blocking<Value: Sendable>(_ work: @escaping @Sendable (AppDatabase) throws -> Value) async throws -> Value {
        let store = self.store
        return try await NIOThreadPool.singleton.runIfActive { try work(store) }
    }

    /// The form fields of a POST; an oversized body reads as no fields.
    func form(of request: Request) async -> FormBody {
        guard let buffer = try? await request.body.collect(upTo: FormBody.maximumSize) else {
            return FormBody(fields: [:])
        }
        return FormBody(parsing: String(buffer: buffer))
    }

    /// Checks the form's nonce and records it as used; the page to show instead when the
    /// form is stale, forged or sent before.
    func spend(_ form: FormBody, visit: Visit) throws -> Page? {
        guard let nonce = form["nonce"], nonces.isValid(nonce, linkID: visit.link.id, now: visit.now) else {
            return notice(
                visit, title: "Please send the form again",
                message: "This form is too old to send (or was not made by Rhythm). Open the link again to get a "
                    + "fresh one.", status: .badRequest)
        }
        guard
            try store.useAnswerForm(
                nonceHash: FormNonce.hash(nonce), linkID: visit.link.id, now: visit.now,
                forgetBefore: visit.now.addingTimeInterval(-FormNonce.lifetime - 3600))
        else {
            return notice(
                visit, title: "This form was already sent",
                message: "Your answer was recorded the first time; sending the same form again changes nothing. "
                    + "Open the link again to give another answer.", status: .conflict)
        }
        return nil
    }

    /// A page that only says something.
    func notice(_ visit: Visit, title: String, message: String, status: HTTPResponse.Status, backLink: String? = nil)
        -> Page
    {
        var view = visit.baseView(title: title)
        view["message"] = message
        view["backLink"] = backLink
        view["backText"] = "Back to your page"
        return Page(template: "notice.html", view: view, status: status)
    }

    /// Stores what an answer replaced and shows what changed, with "Undo".
    func result(_ answer: AppliedAnswer, visit: Visit, undoAction: String, backLink: String?) throws -> Page {
        let record = try store.recordAnswerUndo(
            linkID: visit.link.id, personID: visit.person.id, summary: answer.summary, change: answer.change.encoded,
            now: visit.now, forgetBefore: visit.now.addingTimeInterval(-Self.undoWindow - 3600))
        try store.markAnswerLinkUsed(id: visit.link.id, now: visit.now)
        var view = visit.baseView(title: "Thank you")
        view["summary"] = answer.summary
        view["canUndo"] = true
        view["undo"] = record.publicID
        view["undoAction"] = undoAction
        view["nonce"] = nonces.issue(linkID: visit.link.id, now: visit.now)
        let until = visit.person.timeZone.wallClock(at: visit.now.addingTimeInterval(Self.undoWindow))
        view["undoUntil"] = "\(MeetingText.clock(until.time)) (\(visit.person.timeZone.identifier))"
        view["backLink"] = backLink
        return Page(template: "result.html", view: view, changed: true)
    }

    /// Undoes the answer the form names, if this link gave it less than ``undoWindow`` ago.
    func undo(_ form: FormBody, visit: Visit, backLink: String?) throws -> Page {
        guard let publicID = form["undo"], let record = try store.answerUndo(publicID: publicID, linkID: visit.link.id),
            let change = UndoableChange(encoded: record.change)
        else {
            return notice(
                visit, title: "Nothing to undo", message: "This answer cannot be found.", status: .badRequest,
                backLink: backLink)
        }
        guard visit.now.timeIntervalSince(record.createdAt) <= Self.undoWindow,
            try store.markAnswerUndone(id: record.id, now: visit.now)
        else {
            return notice(
                visit, title: "This can no longer be undone",
                message: "An answer can be undone for 15 minutes, once. Open the link again to give another answer.",
                status: .gone, backLink: backLink)
        }
        try change.revert(in: store, personID: visit.person.id, actor: visit.actor, now: visit.now)
        var view = visit.baseView(title: "Undone")
        view["summary"] = "Undone: \(record.summary) This is as it was before."
        view["backLink"] = backLink
        return Page(template: "result.html", view: view, changed: true)
    }
}

/// One request through a working link: who it is for, in which configuration, when.
struct Visit: Sendable {
    let token: String
    let link: AnswerLinkRecord
    let person: Person
    let initiative: Initiative
    let now: Date

    /// How the audit trail names an answer given here.
    var actor: String { "person:\(person.id) (link)" }

    /// Today in the initiative's zone: what "has the period begun" is measured against.
    var today: LocalDate { initiative.timeZone.wallClock(at: now).date }

    /// What every page shows: its title, the initiative, whom it acts for.
    func baseView(title: String) -> View {
        View(["title": title, "initiative": initiative.name, "personName": person.name])
    }
}

/// An answer written to the store: what it did in words, and what it replaced.
struct AppliedAnswer: Sendable {
    let summary: String
    let change: UndoableChange
}

/// What a template shows; optional values are left out, so that a section on them is skipped.
struct View: @unchecked Sendable {
    private(set) var dictionary: [String: Any]

    init(_ dictionary: [String: Any] = [:]) {
        self.dictionary = dictionary
    }

    subscript(key: String) -> Any? {
        get { dictionary[key] }
        set {
            if let newValue, !Self.isNil(newValue) {
                dictionary[key] = newValue
            } else {
                dictionary[key] = nil
            }
        }
    }

    private static func isNil(_ value: Any) -> Bool {
        return (value as? any OptionalProtocol)?.isNone ?? false
    }
}

private protocol OptionalProtocol {
    var isNone: Bool { get }
}

extension Optional: OptionalProtocol {
    var isNone: Bool { self == nil }
}
