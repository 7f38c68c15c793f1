import Foundation

/// Builds the agenda of one occurrence from the initiative and the live data.
///
/// Pure: everything it reads is passed in, including `today`, so the same inputs always
/// give the same agenda and tests need no clock or database.
public struct AgendaBuilder: Sendable {
    public init() {}

    /// The agenda of `occurrence`.
    ///
    /// - Parameters:
    ///   - actions: open actions (closed ones are ignored); the builder picks those that
    ///     belong to the meeting.
    ///   - items: submitted agenda items; only those on the agenda (not withdrawn) for this
    ///     series and occurrence date are used, in their positions.
    ///   - results: every recorded indicator result.
    ///   - attendance: the answers for the occurrence; answers for other occurrences are
    ///     ignored.
    ///   - today: the day the agenda is built, in the initiative's zone; it decides what is
    ///     overdue and which indicator data is late.
    public func agenda(
        for occurrence: Occurrence,
        initiative: Initiative,
        actions: [Action],
        items: [AgendaItem],
        results: [IndicatorResult],
        attendance: [Attendance] = [],
        today: LocalDate
    ) -> Agenda {
        let series = occurrence.series
        let entries = entries(for: occurrence, items: items, initiative: initiative)
        let scheduled = entries.reduce(0) { $0 + ($1.minutes ?? 0) }
        let reviewed = initiative.indicators.filter { $0.reviewSeriesID == series.id }
        let scorecard =
            series.kind == .indicatorReview || !reviewed.isEmpty
            ? reviewed.map {
                IndicatorStanding(
                    indicator: $0, initiative: initiative, results: results,
                    reviewDate: occurrence.localStart.date, today: today)
            }
            : nil
        return Agenda(
            header: header(for: occurrence, initiative: initiative, answers: attendance),
            standingItems: series.standingItems,
            items: entries,
            scheduledMinutes: scheduled,
            meetingMinutes: occurrence.lengthInMinutes,
            actions: actionsToReview(for: occurrence, initiative: initiative, actions: actions, today: today),
            scorecard: scorecard
        )
    }

    /// The occurrence of the same series that takes place after `occurrence`: the next one
    /// that is not skipped or cancelled, within about two years.
    public func followingOccurrence(after occurrence: Occurrence, initiative: Initiative) -> Occurrence? {
        let window = DateInterval(start: occurrence.start.addingTimeInterval(1), duration: 800 * 86_400)
        return Schedule(initiative: initiative).occurrences(of: [occurrence.series], in: window).first {
            if case .cancelled = $0.status { return false }
            return $0.originalStart != occurrence.originalStart
        }
    }

    private func header(for occurrence: Occurrence, initiative: Initiative, answers: [Attendance]) -> AgendaHeader {
        let series = occurrence.series
        let zone = occurrence.timeZone
        let attendeeIDs = initiative.attendeeIDs(of: series)
        let attendees = initiative.people.filter { attendeeIDs.contains($0.id) }
        var groups: [AttendeeGroup] = initiative.partners.compactMap { partner in
            let names = attendees.filter { $0.partnerID == partner.id }.map(\.name)
            return names.isEmpty ? nil : AttendeeGroup(partnerName: partner.name, personNames: names)
        }
        let known = Set(initiative.partners.map(\.id))
        let independent = attendees.filter { $0.partnerID.map { !known.contains($0) } ?? true }.map(\.name)
        if !independent.isEmpty {
            groups.append(AttendeeGroup(partnerName: nil, personNames: independent))
        }
        var zones: [TimeZone] = []
        for person in attendees where person.timeZone.identifier != zone.identifier {
            if !zones.contains(where: { $0.identifier == person.timeZone.identifier }) {
                zones.append(person.timeZone)
            }
        }
        let elsewhere = zones.map { other in
            ZoneTime(
                timeZone: other,
                localStart: other.wallClock(at: occurrence.start),
                localEnd: other.wallClock(at: occurrence.end),
                utcOffset: other.offsetText(at: occurrence.start),
                personNames: attendees.filter { $0.timeZone.identifier == other.identifier }.map(\.name)
            )
        }
        return AgendaHeader(
            initiativeName: initiative.name,
            seriesID: series.id,
            seriesTitle: series.title,
            seriesKind: series.kind,
            occurrenceDate: occurrence.originalStart.date,
            localStart: occurrence.localStart,
            localEnd: zone.wallClock(at: occurrence.end),
            start: occurrence.start,
            end: occurrence.end,
            timeZone: zone,
            utcOffset: zone.offsetText(at: occurrence.start),
            location: occurrence.location,
            onlineMeetingURL: occurrence.onlineMeetingURL,
            status: occurrence.status,
            organizerName: series.organizerID.map { id in initiative.people.first { $0.id == id }?.name ?? id },
            attendees: groups,
            elsewhere: elsewhere,
            attendance: AttendanceSummary(occurrence: occurrence, initiative: initiative, answers: answers)
        )
    }

    /// The items on the agenda in their order, each starting when the ones before it end.
    private func entries(for occurrence: Occurrence, items: [AgendaItem], initiative: Initiative) -> [AgendaEntry] {
        let mine = items.filter { $0.isOnAgenda && $0.isFor(occurrence) }.sorted(by: AgendaItem.listedBefore)
        var offset = 0
        return mine.map { item in
            let entry = AgendaEntry(
                id: item.id,
                title: item.title,
                presenterName: item.presenterID.map { id in initiative.people.first { $0.id == id }?.name ?? id },
                minutes: item.minutes,
                notes: item.notes,
                offsetMinutes: offset,
                localStart: occurrence.timeZone.wallClock(at: occurrence.start.addingTimeInterval(Double(offset) * 60))
            )
            offset += max(item.minutes ?? 0, 0)
            return entry
        }
    }

    /// The actions of the series' groups or raised at the series, plus those of attendees
    /// that are overdue or due before the following occurrence.
    private func actionsToReview(
        for occurrence: Occurrence,
        initiative: Initiative,
        actions: [Action],
        today: LocalDate
    ) -> ActionsToReview {
        let series = occurrence.series
        let attendees = Set(initiative.attendeeIDs(of: series) + [series.organizerID].compactMap { $0 })
        let following = followingOccurrence(after: occurrence, initiative: initiative)?.localStart.date
        let chosen = actions.filter { action in
            guard action.status.isOpen else { return false }
            if let group = action.groupID, series.attendees.groupIDs.contains(group) { return true }
            if action.seriesID == series.id { return true }
            guard attendees.contains(action.ownerID), let due = action.due else { return false }
            return due < today || following.map { due < $0 } == true
        }
        let name = { (id: String) in initiative.people.first { $0.id == id }?.name ?? id }
        let reviews = chosen.map { action in
            ActionReview(
                id: action.id,
                title: action.title,
                ownerID: action.ownerID,
                ownerName: name(action.ownerID),
                partnerName: action.partnerID.map { id in initiative.partners.first { $0.id == id }?.name ?? id },
                due: action.due,
                daysOverdue: action.isOverdue(on: today) ? action.due.map { $0.days(to: today) } : nil,
                status: action.status
            )
        }
        let byDue = { (lhs: ActionReview, rhs: ActionReview) -> Bool in
            switch (lhs.due, rhs.due) {
            case (let left?, let right?) where left != right: left < right
            case (.some, .none): true
            case (.none, .some): false
            default: lhs.id < rhs.id
            }
        }
        let overdue = reviews.filter { $0.daysOverdue != nil }.sorted(by: byDue)
        let rest = reviews.filter { $0.daysOverdue == nil }
        let owners = Dictionary(grouping: rest, by: \.ownerID)
            .map {
                OwnerActions(ownerID: $0.key, ownerName: $0.value[0].ownerName, actions: $0.value.sorted(by: byDue))
            }
            .sorted { ($0.ownerName, $0.ownerID) < ($1.ownerName, $1.ownerID) }
        return ActionsToReview(overdue: overdue, byOwner: owners)
    }
}
