import Foundation
import Testing

@testable import ICalendar

@Suite struct VTimeZoneBuilderTests {
    /// 2026-01-01T00:00:00Z and 2029-01-01T00:00:00Z: three years, six transitions in DST zones.
    static let start = Date(timeIntervalSince1970: 1_767_225_600)
    static let end = Date(timeIntervalSince1970: 1_861_920_000)

    static func zone(_ identifier: String) throws -> TimeZone {
        try #require(TimeZone(identifier: identifier))
    }

    /// Every transition Foundation reports in the span.
    static func transitions(of zone: TimeZone, from start: Date, to end: Date) -> [Date] {
        var result: [Date] = []
        var cursor = start
        while let next = zone.nextDaylightSavingTimeTransition(after: cursor), next <= end {
            result.append(next)
            cursor = next
        }
        return result
    }

    /// January 1st of `year` at 00:00 UTC.
    static func newYear(_ year: Int) -> Date {
        Date(timeIntervalSince1970: TimeInterval(CalendarDate(year: year, month: 1, day: 1)!.dayNumber * 86_400))
    }

    @Test(
        "the VTIMEZONE gives Foundation's offset around every transition and across the span",
        arguments: [
            ("Australia/Melbourne", 2026, 2029), ("Europe/London", 2026, 2029), ("America/New_York", 2026, 2029),
            ("Australia/Brisbane", 2026, 2029), ("Asia/Kolkata", 2026, 2029), ("Pacific/Chatham", 2026, 2029),
            ("Australia/Lord_Howe", 2026, 2028), ("Australia/Melbourne", 2026, 2026),
            // Spans where the rules change: the US in 2007, Moscow's permanent summer time in
            // 2011 and its return to +0300 in 2014, Sao Paulo ending DST in 2019, and Casablanca
            // suspending DST for Ramadan.
            ("America/New_York", 2005, 2009), ("Europe/Moscow", 2010, 2016), ("America/Sao_Paulo", 2017, 2021),
            ("Africa/Casablanca", 2012, 2015),
        ])
    func offsetsMatchFoundation(identifier: String, firstYear: Int, lastYear: Int) throws {
        let zone = try Self.zone(identifier)
        let start = Self.newYear(firstYear).addingTimeInterval(86_400 * 40)
        let end = Self.newYear(lastYear + 1)
        let component = VTimeZoneBuilder(timeZone: zone).component(from: start, to: end)
        let evaluator = try ObservanceEvaluator(component, through: end)
        let transitions = Self.transitions(of: zone, from: start, to: end)
        for transition in transitions {
            let before = transition.addingTimeInterval(-1)
            #expect(evaluator.offset(at: before) == zone.secondsFromGMT(for: before), "just before \(transition)")
            #expect(evaluator.offset(at: transition) == zone.secondsFromGMT(for: transition), "at \(transition)")
        }
        for hour in stride(from: 0, through: Int(end.timeIntervalSince(start)) / 3600, by: 31) {
            let instant = start.addingTimeInterval(TimeInterval(hour * 3600))
            #expect(evaluator.offset(at: instant) == zone.secondsFromGMT(for: instant), "at \(instant)")
        }
    }

    @Test(
        "zones with a regular rule get one RRULE observance per kind, starting in 1970",
        arguments: [
            ("Australia/Melbourne", ["FREQ=YEARLY;BYMONTH=4;BYDAY=1SU", "FREQ=YEARLY;BYMONTH=10;BYDAY=1SU"]),
            ("Europe/London", ["FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU"]),
            ("America/New_York", ["FREQ=YEARLY;BYMONTH=3;BYDAY=2SU", "FREQ=YEARLY;BYMONTH=11;BYDAY=1SU"]),
        ])
    func regularRules(identifier: String, rules: [String]) throws {
        let component = VTimeZoneBuilder(timeZone: try Self.zone(identifier)).component(from: Self.start, to: Self.end)
        #expect(component.components.count == 2)
        #expect(component.components.compactMap { $0.property("RRULE")?.value } == rules)
        #expect(component.components.allSatisfy { $0.property("DTSTART")?.value.hasPrefix("1970") == true })
        #expect(component.components.allSatisfy { $0.properties("RDATE").isEmpty })
    }

    @Test(
        "zones without daylight saving get a single STANDARD observance",
        arguments: ["Australia/Brisbane", "Asia/Kolkata"])
    func noDaylightSaving(identifier: String) throws {
        let zone = try Self.zone(identifier)
        let component = VTimeZoneBuilder(timeZone: zone).component(from: Self.start, to: Self.end)
        let offset = UTCOffset(seconds: zone.secondsFromGMT(for: Self.start)).rfc5545Text
        #expect(component.property("TZID")?.value == identifier)
        #expect(component.property("X-LIC-LOCATION")?.value == identifier)
        #expect(component.components.map(\.name) == ["STANDARD"])
        #expect(component.components.first?.property("TZOFFSETFROM")?.value == offset)
        #expect(component.components.first?.property("TZOFFSETTO")?.value == offset)
        #expect(component.components.first?.property("DTSTART")?.value == "19700101T000000")
    }

    @Test("a span that ends a rule early gets an UNTIL, and the offsets still match")
    func ruleEndingInsideSpan() throws {
        // Sao Paulo dropped daylight saving after February 2019: a 2017-2021 span ends the rules.
        let zone = try Self.zone("America/Sao_Paulo")
        let start = Date(timeIntervalSince1970: 1_483_228_800)
        let end = Date(timeIntervalSince1970: 1_609_459_200)
        let component = VTimeZoneBuilder(timeZone: zone).component(from: start, to: end)
        let evaluator = try ObservanceEvaluator(component, through: end)
        for day in stride(from: 0, through: Int(end.timeIntervalSince(start)) / 86_400, by: 3) {
            let instant = start.addingTimeInterval(TimeInterval(day * 86_400))
            #expect(evaluator.offset(at: instant) == zone.secondsFromGMT(for: instant), "at \(instant)")
        }
        for transition in Self.transitions(of: zone, from: start, to: end) {
            #expect(
                evaluator.offset(at: transition.addingTimeInterval(-1))
                    == zone.secondsFromGMT(for: transition.addingTimeInterval(-1)))
            #expect(evaluator.offset(at: transition) == zone.secondsFromGMT(for: transition))
        }
        #expect(component.components.contains { $0.property("RRULE")?.value.contains("UNTIL=") == true })
    }

    @Test("a rule change inside the span gives each rule period its own RRULE, the old ones ending in UNTIL")
    func rulePeriods() throws {
        let component = VTimeZoneBuilder(timeZone: try Self.zone("America/New_York"))
            .component(from: Self.newYear(2005).addingTimeInterval(86_400 * 40), to: Self.newYear(2010))
        let rules = component.components.compactMap { $0.property("RRULE")?.value }
        #expect(
            rules == [
                "FREQ=YEARLY;BYMONTH=4;BYDAY=1SU;UNTIL=20060402T070000Z",
                "FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU;UNTIL=20061029T060000Z",
                "FREQ=YEARLY;BYMONTH=3;BYDAY=2SU",
                "FREQ=YEARLY;BYMONTH=11;BYDAY=1SU",
            ])
        #expect(component.components.first?.property("DTSTART")?.value == "19700101T000000")
        #expect(component.components.first?.property("TZOFFSETTO")?.value == "-0500")
    }

    @Test("transitions that follow no yearly rule become RDATEs")
    func irregularTransitions() throws {
        // Casablanca suspended daylight saving for Ramadan, so each year has two starts and two ends.
        let component = VTimeZoneBuilder(timeZone: try Self.zone("Africa/Casablanca"))
            .component(from: Self.newYear(2013), to: Self.newYear(2015))
        #expect(component.components.allSatisfy { $0.property("RRULE") == nil })
        #expect(component.components.map { $0.properties("RDATE").count }.reduce(0, +) >= 4)
    }

    @Test("Melbourne's VTIMEZONE has the exact golden text")
    func melbourneGolden() throws {
        let component = VTimeZoneBuilder(timeZone: try Self.zone("Australia/Melbourne")).component(
            from: Self.start, to: Self.end)
        try Golden.expect(component.serialized(), matches: "melbourne-vtimezone.ics")
    }

    @Test("London's VTIMEZONE has the exact golden text")
    func londonGolden() throws {
        let component = VTimeZoneBuilder(timeZone: try Self.zone("Europe/London")).component(
            from: Self.start, to: Self.end)
        try Golden.expect(component.serialized(), matches: "london-vtimezone.ics")
    }

    @Test("the same zone and span always give the same bytes")
    func deterministic() throws {
        let builder = VTimeZoneBuilder(timeZone: try Self.zone("America/New_York"))
        #expect(
            builder.component(from: Self.start, to: Self.end).serialized()
                == builder.component(from: Self.start, to: Self.end).serialized())
    }
}
