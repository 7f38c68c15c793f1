import Hummingbird
import RhythmCore
import RhythmStore

/// /api/v1/agenda-items: a partner-limited token sees and writes only items of series its
/// partner attends, with presenters of its partner; an item of another series answers 404.
///
/// A meeting is named by its original date or, if it moved, by its new one; an item is
/// always stored and shown under the original date, which identifies the meeting.
extension APIRoutes {
    func listAgendaItems(_ request: Request) async throws -> Response {
        let caller = try await authenticate(request)
        let initiative = self.initiative()
        var query = QueryReader(request)
        let seriesID = query.string("series")
        let date = query.date("date")
        let withdrawn = query.bool("include_withdrawn") ?? false
        let (limit, offset) = query.page()
        try query.finish()
        if let partnerID = caller.partnerID, let seriesID, !Self.attends(partnerID, seriesID: seriesID, in: initiative)
        {
            throw APIProblem.forbidden("Partner \(partnerID) does not attend series \(seriesID).")
        }
        guard caller.partnerID != nil || date != nil else {
            let (items, total): ([AgendaItem], Int) = try await blocking { store in
                (
                    try store.agendaItems(
                        seriesID: seriesID, occurrenceDate: nil, includingWithdrawn: withdrawn, limit: limit,
                        offset: offset),
                    try store.countAgendaItems(seriesID: seriesID, occurrenceDate: nil, includingWithdrawn: withdrawn)
                )
            }
            return try Page(items: items.map(\.json), total: total, limit: limit, offset: offset)
                .response(for: request)
        }
        // The store filters by one series and one date at most, while a date names a meeting
        // per series and a partner sees several series: those lists are filtered here.
        let meetings = date.map { Self.originalDates(named: $0, seriesID: seriesID, in: initiative) }
        let storedDates: [LocalDate?] = meetings.map { Set($0.values).sorted() } ?? [nil]
        let all: [AgendaItem] = try await blocking { store in
            try storedDates.flatMap { storedDate in
                let count = try store.countAgendaItems(
                    seriesID: seriesID, occurrenceDate: storedDate, includingWithdrawn: withdrawn)
                return try store.agendaItems(
                    seriesID: seriesID, occurrenceDate: storedDate, includingWithdrawn: withdrawn,
                    limit: max(count, 1), offset: 0)
            }
        }
        let visible = all.filter { item in
            let meetingMatches = date.map { (meetings?[item.seriesID] ?? $0) == item.occurrenceDate } ?? true
            let partnerMatches = caller.partnerID.map { Self.attends($0, seriesID: item.seriesID, in: initiative) }
            return meetingMatches && (partnerMatches ?? true)
        }.sorted(by: AgendaItem.listedBefore)
        let window = visible.dropFirst(offset).prefix(limit)
        return try Page(items: window.map(\.json), total: visible.count, limit: limit, offset: offset)
            .response(for: request)
    }

    func showAgendaItem(_ request: Request, id text: String?) async throws -> Response {
        let caller = try await authenticate(request)
        let item = try await visibleAgendaItem(id: parseID(text, kind: "agenda item"), to: caller)
        return try APIResponse.json(item.json)
    }

    func createAgendaItem(_ request: Request) async throws -> Response {
        let caller = try await authenticate(request)
        try caller.requireWrite()
        let object = try await JSONBody.object(from: request)
        let initiative = self.initiative()
        var reader = FieldReader(object)
        let seriesID = reader.string("series_id", required: true)
        let date = reader.date("occurrence_date", required: true)
        let title = reader.text("title", required: true, maxLength: AgendaItemRules.titleLimit)
        let presenter = reader.string("presenter_id")
        let minutes = reader.integer("minutes")
        let notes = reader.text("notes", maxLength: AgendaItemRules.notesLimit)
        let series = reader.checkSeries(seriesID, in: initiative)
        let originalDate = reader.checkOccurrence(date, of: series, in: initiative)
        reader.checkAgendaFields(presenter: presenter, minutes: minutes, in: initiative)
        try reader.finish(kind: "an agenda item")
        guard let series, let originalDate, let title = title.value else { throw APIProblem.internalError }
        if let limited = caller.partnerID {
            var scope = PartnerScope(partnerID: limited, initiative: initiative)
            scope.series(series.id, in: "series_id")
            scope.person(presenter.value, in: "presenter_id")
            try scope.finish()
        }
        let new = NewAgendaItem(
            seriesID: series.id, occurrenceDate: originalDate, title: title, presenterID: presenter.value,
            minutes: minutes.value, notes: notes.value)
        let actor = caller.actor
        let instant = now()
        let item = try await blocking { store in try store.createAgendaItem(new, actor: actor, now: instant) }
        return await changed(try created(item.json, location: "/api/v1/agenda-items/\(item.id)"))
    }

    func updateAgendaItem(_ request: Request, id text: String?) async throws -> Response {
        let caller = try await authenticate(request)
        try caller.requireWrite()
        let existing = try await visibleAgendaItem(id: parseID(text, kind: "agenda item"), to: caller)
        let object = try await JSONBody.object(from: request)
        let initiative = self.initiative()
        var reader = FieldReader(object)
        let title = reader.text("title", maxLength: AgendaItemRules.titleLimit)
        let presenter = reader.string("presenter_id")
        let minutes = reader.integer("minutes")
        let notes = reader.text("notes", maxLength: AgendaItemRules.notesLimit)
        let date = reader.date("occurrence_date")
        let placement = reader.placement()
        if reader.contains("series_id") {
            _ = reader.string("series_id")
            reader.report(
                "series_id", "An agenda item cannot move to another series; withdraw it and submit a new one.")
        }
        if existing.withdrawal != nil, placement != nil || date.value != nil {
            reader.report(
                placement?.field ?? "occurrence_date",
                "Item \(existing.id) was withdrawn, so it is on no agenda to move on; submit it again instead.")
        }
        if case .null = title { reader.report("title", "An agenda item always has a title; it may not be null.") }
        if case .null = date {
            reader.report("occurrence_date", "An agenda item is always for an occurrence; it may not be null.")
        }
        let originalDate = reader.checkOccurrence(
            date, of: initiative.series.first { $0.id == existing.seriesID }, in: initiative)
        reader.checkAgendaFields(presenter: presenter, minutes: minutes, in: initiative)
        try reader.finish(kind: "an agenda item")
        if let limited = caller.partnerID {
            var scope = PartnerScope(partnerID: limited, initiative: initiative)
            scope.person(presenter.value, in: "presenter_id")
            try scope.finish()
        }
        var changes = AgendaItemChanges()
        changes.title = title.value
        changes.presenterID = presenter.change
        changes.minutes = minutes.change
        changes.notes = notes.change
        changes.occurrenceDate = originalDate
        changes.placement = placement?.value
        let actor = caller.actor
        let instant = now()
        let id = existing.id
        let updated: AgendaItem?
        do {
            updated = try await blocking { [changes] store in
                try store.updateAgendaItem(id: id, changes, actor: actor, now: instant)
            }
        } catch let error as StoreError where error.code == .invalidPlacement {
            throw APIProblem.invalidFields([.field(placement?.field ?? "occurrence_date", error.description)])
        }
        guard let updated else { throw APIProblem.notFound("No agenda item has this id.") }
        return await changed(try APIResponse.json(updated.json))
    }

    func withdrawAgendaItem(_ request: Request, id text: String?) async throws -> Response {
        let caller = try await authenticate(request)
        try caller.requireWrite()
        let existing = try await visibleAgendaItem(id: parseID(text, kind: "agenda item"), to: caller)
        let actor = caller.actor
        let instant = now()
        let withdrawn = try await blocking { store in
            try store.withdrawAgendaItem(id: existing.id, actor: actor, now: instant)
        }
        guard let withdrawn else { throw APIProblem.notFound("No agenda item has this id.") }
        let response = try APIResponse.json(withdrawn.json)
        return existing.withdrawal == nil ? await changed(response) : response
    }

    func deleteAgendaItem(_ request: Request, id text: String?) async throws -> Response {
        let caller = try await authenticate(request)
        try caller.requireWrite()
        let existing = try await visibleAgendaItem(id: parseID(text, kind: "agenda item"), to: caller)
        let actor = caller.actor
        let instant = now()
        let deleted = try await blocking { store in
            try store.deleteAgendaItem(id: existing.id, actor: actor, now: instant)
        }
        guard deleted else { throw APIProblem.notFound("No agenda item has this id.") }
        return await changed(Response(status: .noContent))
    }

    /// The item, if it exists and the caller may see it; 404 otherwise.
    private func visibleAgendaItem(id: Int64, to caller: Caller) async throws -> AgendaItem {
        let item = try await blocking { store in try store.agendaItem(id: id) }
        guard let item,
            caller.partnerID.map({ Self.attends($0, seriesID: item.seriesID, in: initiative()) }) ?? true
        else {
            throw APIProblem.notFound("No agenda item has this id.")
        }
        return item
    }

    /// For each series (or only `seriesID`), the original date of the meeting `date` names,
    /// under which its items are stored; `date` itself where it names none.
    static func originalDates(named date: LocalDate, seriesID: String?, in initiative: Initiative) -> [String:
        LocalDate]
    {
        let schedule = Schedule(initiative: initiative)
        let series = initiative.series.filter { seriesID == nil || $0.id == seriesID }
        return Dictionary(
            series.map { ($0.id, schedule.meeting(of: $0, on: date).named?.originalStart.date ?? date) }
        ) { first, _ in first }
    }

    /// Whether the partner attends the series; false when the series is gone from the configuration.
    static func attends(_ partnerID: String, seriesID: String, in initiative: Initiative) -> Bool {
        guard let series = initiative.series.first(where: { $0.id == seriesID }) else { return false }
        return initiative.isAttending(partnerID: partnerID, series: series)
    }
}

extension FieldReader {
    /// The series a field names; reports an unknown one.
    mutating func checkSeries(_ id: Presence<String>, in initiative: Initiative) -> MeetingSeries? {
        guard let id = id.value else { return nil }
        guard let series = initiative.series.first(where: { $0.id == id }) else {
            report("series_id", "No meeting series has the id \"\(id)\".")
            return nil
        }
        return series
    }

    /// The original date of the occurrence `date` names (its original date, or the date it
    /// moved to; see `MeetingOnDate`), which is what an item is stored under; reports a date
    /// that names none.
    mutating func checkOccurrence(_ date: Presence<LocalDate>, of series: MeetingSeries?, in initiative: Initiative)
        -> LocalDate?
    {
        guard let date = date.value, let series else { return nil }
        guard let occurrence = Schedule(initiative: initiative).meeting(of: series, on: date).named else {
            report("occurrence_date", "Series \(series.id) has no occurrence planned on \(date), nor one moved to it.")
            return nil
        }
        guard AgendaItemRules.happens(occurrence) else {
            report(
                "occurrence_date",
                "The \(series.id) meeting of \(date) is \(occurrence.status.label); name one that takes place.")
            return nil
        }
        return occurrence.originalStart.date
    }

    /// The place an item is to take among its meeting's items: `position`, `before` or
    /// `after` (one of them), with the field it came from; nil when none is given.
    mutating func placement() -> (value: AgendaPlacement, field: String)? {
        let position = integer("position")
        let before = integer("before")
        let after = integer("after")
        let given: [(value: AgendaPlacement, field: String)] = [
            position.value.map { (.position($0), "position") }, before.value.map { (.before(Int64($0)), "before") },
            after.value.map { (.after(Int64($0)), "after") },
        ].compactMap { $0 }
        for (field, presence) in [("position", position), ("before", before), ("after", after)] {
            if case .null = presence { report(field, "Give a number, or leave \(field) out; it may not be null.") }
        }
        if let position = position.value, position < 1 {
            report("position", "Positions count from 1 (the first item after the standing items); it is \(position).")
        }
        for (name, presence) in [("before", before), ("after", after)] {
            if let id = presence.value, id < 1 { report(name, "Must be the id of an agenda item; ids count from 1.") }
        }
        guard given.count <= 1 else {
            for place in given {
                report(place.field, "Give one of position, before and after, not \(given.count).")
            }
            return nil
        }
        return given.first
    }

    /// Checks the presenter and the minutes an agenda item asks for, as every way of
    /// submitting one does (`AgendaItemRules`).
    mutating func checkAgendaFields(presenter: Presence<String>, minutes: Presence<Int>, in initiative: Initiative) {
        if let problem = presenter.value.flatMap({ AgendaItemRules.presenterProblem($0, in: initiative) }) {
            report("presenter_id", problem.message)
        }
        if let problem = minutes.value.flatMap(AgendaItemRules.minutesProblem) {
            report("minutes", problem.message)
        }
    }
}
