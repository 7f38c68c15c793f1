import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdAuth
import NIOPosix
import RhythmCore
import RhythmStore

/// `/console/meetings/{series}/{date}`: one meeting (named by its original date), its live
/// changes (cancel, move, restore) and its agenda work (add, reorder, edit, withdraw).
///
/// Every form goes through the store functions the CLI and the API use, audited as
/// `console:<person>`; a change answers 303 back to the page with a short status, a form
/// with problems comes back (422) with each problem next to its field.
public struct ConsoleMeetingPages: Sendable {
    let store: AppDatabase
    let initiative: @Sendable () -> Initiative
    let fileInitiative: @Sendable () -> Initiative
    let republish: @Sendable () async throws -> Void
    let onAgendaChange: @Sendable () async -> Void
    let now: @Sendable () -> Date
    let layout = ConsoleLayout()

    /// - Parameters:
    ///   - store: where live changes and agenda items live.
    ///   - initiative: the configuration with the live changes laid over it (what people see).
    ///   - fileInitiative: the configuration file's own initiative, which live changes are checked against.
    ///   - republish: makes a live change take effect everywhere (feeds, invitations, reminders).
    ///   - onAgendaChange: called after an agenda item changed (drops cached agendas, wakes the dispatcher).
    ///   - now: the clock.
    public init(
        store: AppDatabase,
        initiative: @escaping @Sendable () -> Initiative,
        fileInitiative: @escaping @Sendable () -> Initiative,
        republish: @escaping @Sendable () async throws -> Void,
        onAgendaChange: @escaping @Sendable () async -> Void = {},
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.store = store
        self.initiative = initiative
        self.fileInitiative = fileInitiative
        self.republish = republish
        self.onAgendaChange = onAgendaChange
        self.now = now
    }

    /// Adds the meeting pages to the console's signed-in group.
    public func register<Context: RequestContext>(on group: RouterGroup<ConsoleRequestContext<Context>>) {
        let meeting = group.group("meetings/{series}/{date}")
        meeting.get { request, context in try await show(request, context) }
        meeting.post("cancel") { request, context in try await cancel(request, context) }
        meeting.post("move") { request, context in try await move(request, context) }
        meeting.post("restore") { request, context in try await restore(request, context) }
        meeting.post("agenda") { request, context in try await addItem(request, context) }
        meeting.post("agenda/{item}/up") { _, context in try await reorder(context, by: -1) }
        meeting.post("agenda/{item}/down") { _, context in try await reorder(context, by: 1) }
        meeting.post("agenda/{item}/edit") { request, context in try await editItem(request, context) }
        meeting.post("agenda/{item}/withdraw") { _, context in try await withdrawItem(context) }
    }

    // MARK: - Showing

    private func show<Context>(_ request: Request, _ context: ConsoleRequestContext<Context>) async throws
        -> Response
    {
        let identity = try context.requireIdentity()
        guard let model = try await load(context) else { return notFound(context, identity: identity) }
        let status = request.uri.queryParameters.get("done").flatMap(MeetingStatus.init(rawValue:))
        return page(model, identity: identity, status: status?.message, feedback: nil)
    }

    private func page(
        _ model: MeetingPageModel, identity: ConsoleIdentity, status: String?, feedback: MeetingFormFeedback?
    ) -> Response {
        let view = MeetingPageView(model: model, identity: identity, status: status, feedback: feedback)
        return layout.response(
            title: view.title, content: view.render(), initiative: model.initiative.name, identity: identity,
            status: feedback == nil ? .ok : .unprocessableContent)
    }

    private func notFound<Context>(_ context: ConsoleRequestContext<Context>, identity: ConsoleIdentity) -> Response {
        let series = context.parameters.get("series") ?? ""
        let date = context.parameters.get("date") ?? ""
        let known = initiative().series.contains { $0.id == series }
        let message =
            known
            ? "\(series) has no meeting originally due on \(date). Meetings are named by the date they were first "
                + "due (yyyy-mm-dd)."
            : "There is no series \"\(series)\" in the configuration."
        let content = layout.content(
            "refused",
            [
                "heading": "No such meeting", "message": message, "retryPath": "/console",
                "retryText": "Back to the console",
            ]
        )
        return layout.response(
            title: "No such meeting", content: content, initiative: initiative().name, identity: identity,
            status: .notFound)
    }

    private func load<Context>(_ context: ConsoleRequestContext<Context>) async throws -> MeetingPageModel? {
        guard let seriesID = context.parameters.get("series"),
            let date = context.parameters.get("date").flatMap(LocalDate.init(iso:))
        else { return nil }
        let (store, initiative, file) = (self.store, self.initiative(), fileInitiative())
        return try await NIOThreadPool.singleton.runIfActive {
            try MeetingPageModel.load(store: store, initiative: initiative, file: file, seriesID: seriesID, date: date)
        }
    }

    private func done(_ model: MeetingPageModel, _ status: MeetingStatus, anchor: String = "") -> Response {
        Response(status: .seeOther, headers: [.location: "\(model.path)?done=\(status.rawValue)\(anchor)"])
    }

    // MARK: - Live changes

    private func cancel<Context>(_ request: Request, _ context: ConsoleRequestContext<Context>) async throws
        -> Response
    {
        let identity = try context.requireIdentity()
        guard let model = try await load(context) else { return notFound(context, identity: identity) }
        let form = try await ConsoleForm.read(request)
        let change = LiveChangeRequest(
            seriesID: model.series.id, kind: .cancel(originalDate: model.originalDate, reason: form.text("reason")),
            notifiesAttendees: form.isChecked("notify"))
        var feedback = MeetingFormFeedback(form: "cancel", values: form.values(["reason", "notify"]))
        return try await make(change, model: model, identity: identity, feedback: &feedback, done: .cancelled)
    }

    private func move<Context>(_ request: Request, _ context: ConsoleRequestContext<Context>) async throws
        -> Response
    {
        let identity = try context.requireIdentity()
        guard let model = try await load(context) else { return notFound(context, identity: identity) }
        let form = try await ConsoleForm.read(request)
        var feedback = MeetingFormFeedback(
            form: "move", values: form.values(["date", "time", "location", "reason", "notify"]))
        let current = model.occurrence.localStart
        let date = form.text("date").map { LocalDate(iso: $0) } ?? current.date
        let time = form.text("time").map { LocalTime(iso: $0) } ?? current.time
        if date == nil { feedback.report("date", "Give the date as yyyy-mm-dd, such as 2027-03-16.") }
        if time == nil { feedback.report("time", "Give the time as hh:mm on a 24-hour clock, such as 14:30.") }
        guard let date, let time else { return page(model, identity: identity, status: nil, feedback: feedback) }
        let start = LocalDateTime(date: date, time: time)
        let change = LiveChangeRequest(
            seriesID: model.series.id,
            kind: .move(
                originalDate: model.originalDate,
                OccurrenceChange(
                    start: start == current ? nil : start, location: form.text("location"), reason: form.text("reason"))
            ),
            notifiesAttendees: form.isChecked("notify"))
        return try await make(change, model: model, identity: identity, feedback: &feedback, done: .moved)
    }

    /// Makes `change` as the signed-in person and republishes; the form back with the
    /// problems named when the change is refused.
    private func make(
        _ change: LiveChangeRequest, model: MeetingPageModel, identity: ConsoleIdentity,
        feedback: inout MeetingFormFeedback, done status: MeetingStatus
    ) async throws -> Response {
        let (store, file, actor, instant) = (self.store, fileInitiative(), identity.actor, now())
        do {
            _ = try await NIOThreadPool.singleton.runIfActive {
                try store.makeLiveChange(change, over: file, actor: actor, now: instant)
            }
        } catch let error as LiveChangeRequestError {
            for problem in error.problems {
                feedback.report(Self.formField(of: problem.field, in: feedback.form), problem.message)
            }
            return page(model, identity: identity, status: nil, feedback: feedback)
        }
        try await republish()
        return done(model, status)
    }

    /// The field of the console's form a problem of a live change is about.
    private static func formField(of field: LiveChangeRequestError.Field, in form: String) -> String {
        switch field {
        case .reason: "reason"
        case .location: form == "move" ? "location" : MeetingFormFeedback.formKey
        case .start: form == "move" ? "time" : MeetingFormFeedback.formKey
        case .series, .date, .onlineURL: MeetingFormFeedback.formKey
        }
    }

    private func restore<Context>(_ request: Request, _ context: ConsoleRequestContext<Context>) async throws
        -> Response
    {
        let identity = try context.requireIdentity()
        guard let model = try await load(context) else { return notFound(context, identity: identity) }
        guard let change = model.liveChange else { return done(model, .nothingToRestore) }
        let (store, actor, instant) = (self.store, identity.actor, now())
        let ended = try await NIOThreadPool.singleton.runIfActive {
            try store.endLiveChange(id: change.id, actor: actor, now: instant)
        }
        guard ended != nil else { return done(model, .nothingToRestore) }
        try await republish()
        return done(model, .restored)
    }

    // MARK: - Agenda

    private func addItem<Context>(_ request: Request, _ context: ConsoleRequestContext<Context>) async throws
        -> Response
    {
        let identity = try context.requireIdentity()
        guard let model = try await load(context) else { return notFound(context, identity: identity) }
        let form = try await ConsoleForm.read(request)
        var feedback = MeetingFormFeedback(form: "add", values: form.values(ItemFields.names))
        if !AgendaItemRules.happens(model.occurrence) {
            feedback.report(
                MeetingFormFeedback.formKey,
                "This meeting is \(model.occurrence.status.label); restore it before adding items.")
        }
        let fields = ItemFields(form, initiative: model.initiative, feedback: &feedback)
        guard !feedback.hasProblems else { return page(model, identity: identity, status: nil, feedback: feedback) }
        let new = NewAgendaItem(
            seriesID: model.series.id, occurrenceDate: model.originalDate, title: fields.title,
            presenterID: fields.presenterID, minutes: fields.minutes, notes: fields.notes)
        let (store, actor, instant) = (self.store, identity.actor, now())
        let item = try await NIOThreadPool.singleton.runIfActive {
            try store.createAgendaItem(new, actor: actor, now: instant)
        }
        await onAgendaChange()
        return done(model, .itemAdded, anchor: "#item-\(item.id)")
    }

    private func editItem<Context>(_ request: Request, _ context: ConsoleRequestContext<Context>) async throws
        -> Response
    {
        let identity = try context.requireIdentity()
        guard let model = try await load(context), let item = item(of: model, context) else {
            return notFound(context, identity: identity)
        }
        let form = try await ConsoleForm.read(request)
        var feedback = MeetingFormFeedback(form: "edit-\(item.id)", values: form.values(ItemFields.names))
        let fields = ItemFields(form, initiative: model.initiative, feedback: &feedback)
        guard !feedback.hasProblems else { return page(model, identity: identity, status: nil, feedback: feedback) }
        let changes = AgendaItemChanges(
            title: fields.title, presenterID: .some(fields.presenterID), minutes: .some(fields.minutes),
            notes: .some(fields.notes))
        return try await update(item, changes, model: model, identity: identity, done: .itemSaved)
    }

    private func reorder<Context>(_ context: ConsoleRequestContext<Context>, by step: Int) async throws -> Response {
        let identity = try context.requireIdentity()
        guard let model = try await load(context), let item = item(of: model, context) else {
            return notFound(context, identity: identity)
        }
        let position = min(max(item.position + step, 1), model.items.count)
        return try await update(
            item, AgendaItemChanges(placement: .position(position)), model: model, identity: identity,
            done: .itemMoved)
    }

    private func update(
        _ item: AgendaItem, _ changes: AgendaItemChanges, model: MeetingPageModel, identity: ConsoleIdentity,
        done status: MeetingStatus
    ) async throws -> Response {
        let (store, actor, instant) = (self.store, identity.actor, now())
        _ = try await NIOThreadPool.singleton.runIfActive {
            try store.updateAgendaItem(id: item.id, changes, actor: actor, now: instant)
        }
        await onAgendaChange()
        return done(model, status, anchor: "#item-\(item.id)")
    }

    private func withdrawItem<Context>(_ context: ConsoleRequestContext<Context>) async throws -> Response {
        let identity = try context.requireIdentity()
        guard let model = try await load(context), let item = item(of: model, context) else {
            return notFound(context, identity: identity)
        }
        let (store, actor, instant) = (self.store, identity.actor, now())
        _ = try await NIOThreadPool.singleton.runIfActive {
            try store.withdrawAgendaItem(id: item.id, actor: actor, now: instant)
        }
        await onAgendaChange()
        return done(model, .itemWithdrawn)
    }

    /// The item the path names, when it is on this meeting's agenda.
    private func item<Context>(of model: MeetingPageModel, _ context: ConsoleRequestContext<Context>) -> AgendaItem? {
        guard let id = context.parameters.get("item").flatMap(Int64.init) else { return nil }
        return model.items.first { $0.id == id }
    }
}

/// The short messages a meeting page shows after a change, named in its `done` query.
enum MeetingStatus: String {
    case cancelled, moved, restored
    case nothingToRestore = "nothing-to-restore"
    case itemAdded = "item-added"
    case itemSaved = "item-saved"
    case itemMoved = "item-moved"
    case itemWithdrawn = "item-withdrawn"

    var message: String {
        switch self {
        case .cancelled: "The meeting is cancelled. Calendars and reminders follow the change."
        case .moved: "The meeting is moved. Calendars and reminders follow the change."
        case .restored: "The meeting is restored as the configuration file has it."
        case .nothingToRestore: "This meeting has no live change to restore."
        case .itemAdded: "The item is on the agenda."
        case .itemSaved: "The item is saved."
        case .itemMoved: "The agenda order is saved."
        case .itemWithdrawn: "The item is withdrawn from the agenda."
        }
    }
}

/// The fields of the add and edit forms of an agenda item, checked with `AgendaItemRules`.
private struct ItemFields {
    static let names = ["title", "minutes", "presenter", "notes"]

    let title: String
    let minutes: Int?
    let presenterID: String?
    let notes: String?

    init(_ form: ConsoleForm, initiative: Initiative, feedback: inout MeetingFormFeedback) {
        title = form.text("title") ?? ""
        presenterID = form.text("presenter")
        notes = form.text("notes")
        minutes = form.text("minutes").flatMap { Int($0) }
        if let text = form.text("minutes"), minutes == nil {
            feedback.report("minutes", "Give a whole number of minutes, such as 15; it is \"\(text)\".")
        }
        for problem in AgendaItemRules.problems(
            title: title, minutes: minutes, notes: notes, presenterID: presenterID, in: initiative)
        {
            feedback.report(problem.field.rawValue, problem.message)
        }
    }
}
