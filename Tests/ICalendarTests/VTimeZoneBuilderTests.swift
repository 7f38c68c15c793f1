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

    @Test(
        "the VTIMEZONE gives Foundation's offset around every transition and across the span",
        arguments: [
            "Australia/Melbourne", "Europe/London", "America/New_York", "Australia/Brisbane", "Asia/Kolkata",
            "America/Sao_Paulo", "Pacific/Chatham", "Australia/Lord_Howe",
        ])
    func offsetsMatchFoundation(identifier: String) throws {
        let zone = try Self.zone(identifier)
        let component = VTimeZoneBuilder(timeZone: zone).component(from: Self.start, to: Self.end)
        let evaluator = try ObservanceEvaluator(component, through: Self.end)
        let transitions = Self.transitions(of: zone, from: Self.start, to: Self.end)
        for transition in transitions {
            let before = transition.addingTimeInterval(-1)
            #expect(evaluator.offset(at: before) == zone.secondsFromGMT(for: before), "just before \(transition)")
            #expect(evaluator.offset(at: transition) == zone.secondsFromGMT(for: transition), "at \(transition)")
        }
        for hour in stride(from: 0, through: Int(Self.end.timeIntervalSince(Self.start)) / 3600, by: 97) {
            let instant = Self.start.addingTimeInterval(TimeInterval(hour * 3600))
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

    @Test("zones without daylight saving get a single STANDARD observance", arguments: ["Australia/Brisbane", "Asia/Kolkata"])
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
            #expect(evaluator.offset(at: transition.addingTimeInterval(-1)) == zone.secondsFromGMT(for: transition.addingTimeInterval(-1)))
            #expect(evaluator.offset(at: transition) == zone.secondsFromGMT(for: transition))
        }
        #expect(component.components.contains { $0.property("RRULE")?.value.contains("UNTIL=") == true })
    }

    @Test("Melbourne's VTIMEZONE has the exact golden text")
    func melbourneGolden() throws {
        let component = VTimeZoneBuilder(timeZone: try Self.zone("Australia/Melbourne")).component(from: Self.start, to: Self.end)
        try Golden.expect(component.serialized(), matches: "melbourne-vtimezone.ics")
    }

    @Test("London's VTIMEZONE has the exact golden text")
    func londonGolden() throws {
        let component = VTimeZoneBuilder(timeZone: try Self.zone("Europe/London")).component(from: Self.start, to: Self.end)
        try Golden.expect(component.serialized(), matches: "london-vtimezone.ics")
    }

    @Test("the same zone and span always give the same bytes")
    func deterministic() throws {
        let builder = VTimeZoneBuilder(timeZone: try Self.zone("America/New_York"))
        #expect(builder.component(from: Self.start, to: Self.end).serialized() == builder.component(from: Self.start, to: Self.end).serialized())
    }
}
