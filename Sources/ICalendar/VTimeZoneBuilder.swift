import Foundation

/// Builds a VTIMEZONE from the system time-zone database, so that every `TZID=` a feed uses has
/// a definition in the same calendar (Outlook shifts or rejects events otherwise).
///
/// Observances are yearly RRULEs wherever the transitions in the requested span follow one
/// (`FREQ=YEARLY;BYMONTH=10;BYDAY=1SU` for Melbourne's daylight time), because older Outlook
/// mis-maps VTIMEZONEs made of RDATE lists. When every rule fits, the observances start in 1970
/// the way Google writes them. When the rules change inside the span, each rule period gets
/// its own observance with an UNTIL, transitions that follow no rule become RDATEs, and an
/// observance from 1970 states the offset in force at the start, so the definition reproduces
/// Foundation's offsets for every instant in the span whatever the zone's history. TZNAME is omitted:
/// Foundation on Linux only knows names like `GMT+11`, and clients do not need it.
public struct VTimeZoneBuilder: Sendable {
    /// The zone to describe; its identifier becomes the TZID.
    public let timeZone: TimeZone

    /// Creates a builder for `timeZone`, normally one made from an IANA name.
    public init(timeZone: TimeZone) {
        self.timeZone = timeZone
    }

    /// A VTIMEZONE whose offsets match `timeZone` for every instant from `start` to `end`, which
    /// should cover every event in the calendar (plus the reach of its recurrences).
    public func component(from start: Date, to end: Date) -> Component {
        let startSecond = Int(start.timeIntervalSince1970.rounded(.down))
        let transitions = transitions(from: start, to: end)
        let header = [
            Property("TZID", value: timeZone.identifier),
            Property("X-LIC-LOCATION", value: timeZone.identifier),
        ]
        let startOffset = timeZone.secondsFromGMT(for: start)
        let initial = Observance(
            isDaylight: timeZone.isDaylightSavingTime(for: start),
            offsetFrom: startOffset,
            offsetTo: startOffset,
            start: min(WallClock(secondsSinceEpoch: 0), WallClock(secondsSinceEpoch: startSecond + startOffset)),
            rule: nil,
            until: nil,
            extraStarts: []
        )
        guard !transitions.isEmpty else {
            return Component(Component.Name.timeZone, properties: header, components: [initial.component])
        }
        var groups: [[Transition]] = []
        for transition in transitions {
            if let index = groups.firstIndex(where: { $0[0].kind == transition.kind }) {
                groups[index].append(transition)
            } else {
                groups.append([transition])
            }
        }
        let endSecond = Int(end.timeIntervalSince1970.rounded(.down))
        let chosen =
            backdatedObservances(groups, startSecond: startSecond, endSecond: endSecond, startOffset: startOffset)
            ?? [initial] + groups.flatMap { observances(for: $0, endSecond: endSecond) }
        let sorted = chosen.sorted { ($0.start, $0.isDaylight ? 1 : 0) < ($1.start, $1.isDaylight ? 1 : 0) }
        return Component(Component.Name.timeZone, properties: header, components: sorted.map(\.component))
    }

    /// Every offset change Foundation reports after `start` up to and including `end`.
    private func transitions(from start: Date, to end: Date) -> [Transition] {
        var result: [Transition] = []
        var cursor = start.addingTimeInterval(-1)
        while let next = timeZone.nextDaylightSavingTimeTransition(after: cursor), next <= end, next > cursor {
            let before = timeZone.secondsFromGMT(for: next.addingTimeInterval(-1))
            let after = timeZone.secondsFromGMT(for: next)
            if before != after {
                result.append(
                    Transition(
                        instant: Int(next.timeIntervalSince1970.rounded()),
                        kind: Transition.Kind(
                            isDaylight: timeZone.isDaylightSavingTime(for: next), offsetBefore: before,
                            offsetAfter: after)
                    ))
            }
            cursor = next
        }
        return result
    }

    /// Google-style observances, one open-ended yearly rule per kind starting in 1970, or nil
    /// when the transitions in the span do not allow them to be exact.
    private func backdatedObservances(
        _ groups: [[Transition]], startSecond: Int, endSecond: Int, startOffset: Int
    ) -> [Observance]? {
        var observances: [Observance] = []
        var latestBeforeStart: (instant: Int, offset: Int)?
        for group in groups {
            guard let rule = YearlyRule.fitting(group.map(\.localBefore)) else { return nil }
            let kind = group[0].kind
            let firstYear = group[0].localBefore.date.year
            let lastYear = group[group.count - 1].localBefore.date.year
            let previous = rule.occurrence(year: firstYear - 1).secondsSinceEpoch - kind.offsetBefore
            let following = rule.occurrence(year: lastYear + 1).secondsSinceEpoch - kind.offsetBefore
            guard previous < startSecond, following > endSecond else { return nil }
            if previous > latestBeforeStart?.instant ?? Int.min {
                latestBeforeStart = (previous, kind.offsetAfter)
            }
            observances.append(
                Observance(
                    isDaylight: kind.isDaylight, offsetFrom: kind.offsetBefore, offsetTo: kind.offsetAfter,
                    start: rule.occurrence(year: min(1970, firstYear)), rule: rule, until: nil, extraStarts: []))
        }
        return latestBeforeStart?.offset == startOffset ? observances : nil
    }

    /// Exact observances for one kind of transition: each run of consecutive years that follows
    /// one yearly rule becomes an RRULE observance (with UNTIL unless it is the last run and the
    /// rule holds to the end of the span), and the transitions that fit no run share one
    /// observance of RDATEs.
    private func observances(for group: [Transition], endSecond: Int) -> [Observance] {
        let kind = group[0].kind
        var observances: [Observance] = []
        var loose: [Transition] = []
        var first = 0
        while first < group.count {
            var last = first
            while last + 1 < group.count, YearlyRule.fitting(group[first...(last + 1)].map(\.localBefore)) != nil {
                last += 1
            }
            guard last > first, let rule = YearlyRule.fitting(group[first...last].map(\.localBefore)) else {
                loose.append(group[first])
                first += 1
                continue
            }
            let end = group[last]
            let following = rule.occurrence(year: end.localBefore.date.year + 1).secondsSinceEpoch - kind.offsetBefore
            let isOpenEnded = last == group.count - 1 && following > endSecond
            observances.append(
                Observance(
                    isDaylight: kind.isDaylight, offsetFrom: kind.offsetBefore, offsetTo: kind.offsetAfter,
                    start: group[first].localBefore, rule: rule,
                    until: isOpenEnded ? nil : Date(timeIntervalSince1970: TimeInterval(end.instant)), extraStarts: []))
            first = last + 1
        }
        if let head = loose.first {
            observances.append(
                Observance(
                    isDaylight: kind.isDaylight, offsetFrom: kind.offsetBefore, offsetTo: kind.offsetAfter,
                    start: head.localBefore, rule: nil, until: nil, extraStarts: loose.dropFirst().map(\.localBefore)))
        }
        return observances
    }
}

extension VTimeZoneBuilder {
    /// One change of offset reported by Foundation.
    struct Transition {
        /// What the change does; transitions of one kind share an observance.
        struct Kind: Hashable {
            var isDaylight: Bool
            var offsetBefore: Int
            var offsetAfter: Int
        }

        /// The first second of the new offset, as seconds since 1970 UTC.
        var instant: Int
        var kind: Kind

        /// The wall clock just before the change, which RFC 5545 §3.6.5 uses for DTSTART.
        var localBefore: WallClock { WallClock(secondsSinceEpoch: instant + kind.offsetBefore) }
    }

    /// A STANDARD or DAYLIGHT subcomponent before it is written.
    struct Observance {
        var isDaylight: Bool
        var offsetFrom: Int
        var offsetTo: Int
        var start: WallClock
        var rule: YearlyRule?
        var until: Date?
        var extraStarts: [WallClock]

        var component: Component {
            var properties = [
                Property.utcOffset("TZOFFSETFROM", UTCOffset(seconds: offsetFrom)),
                Property.utcOffset("TZOFFSETTO", UTCOffset(seconds: offsetTo)),
                Property.dateTime("DTSTART", .floating(start)),
            ]
            if let rule {
                let until = until.map { ";UNTIL=" + DateTime.utc($0).rfc5545Text } ?? ""
                properties.append(.recurrenceRule(rule.rruleText + until))
            }
            properties += extraStarts.map { Property.dateTimes("RDATE", [$0], timeZoneID: nil) }
            return Component(isDaylight ? Component.Name.daylight : Component.Name.standard, properties: properties)
        }
    }
}
