import Foundation
import RhythmCore
import Yams

/// Local date-times of a series that its zone's clocks skip or show twice.
///
/// Rhythm resolves them as RFC 5545 says (a skipped reading moves forward by the gap, a
/// repeated one means the first instant), everywhere: `upcoming`, reminders and feeds. A
/// coordinator who wrote 02:30 on the night clocks change rarely meant that, so each one is
/// a warning that says which instant Rhythm uses.
extension ConfigurationDecoder {
    /// Warns about the series' `start`, its `extra_dates` and its moves' `to:` when they fall
    /// in a gap or in a repeated hour of `zone`.
    func warnAboutClockChanges(in fields: MappingFields, zone: TimeZone) {
        var values: [ConfigValue] = []
        if let start = fields.optional("start") { values.append(start) }
        if let extras = fields.optional("extra_dates"), let items = extras.node.sequence {
            values += items.enumerated().map { ConfigValue(node: $1, path: extras.path.appending(index: $0)) }
        }
        if let exceptions = fields.optional("exceptions"), let items = exceptions.node.sequence {
            for (index, item) in items.enumerated() {
                guard let to = item.mapping?.value(forKey: "to") else { continue }
                values.append(ConfigValue(node: to, path: exceptions.path.appending(index: index).appending("to")))
            }
        }
        for value in values {
            guard let text = value.node.scalar?.string.trimmingWhitespace, let local = LocalDateTime(iso: text),
                let change = zone.clockChange(at: local)
            else { continue }
            log.warning(Self.clockChangeMessage(local, change, zone: zone), at: value.mark, path: value.path)
        }
    }

    private static func clockChangeMessage(_ local: LocalDateTime, _ change: ClockChange, zone: TimeZone) -> String {
        let written = "\(local.date) \(Self.hourMinute(local))"
        switch change {
        case .skipped(let shifted, let gap):
            let instant = zone.instant(for: local)
            return "\(written) does not exist in \(zone.identifier): the clocks go forward \(Self.length(gap)) "
                + "then, so Rhythm uses \(Self.hourMinute(shifted)) \(zone.offsetText(at: instant)), the time "
                + "shifted forward by the gap (as RFC 5545 says and calendars read it); write "
                + "\(Self.hourMinute(shifted)) if that is meant, or choose another time"
        case .repeated(let first, let second):
            let back = Int(second.timeIntervalSince(first))
            return "\(written) happens twice in \(zone.identifier): the clocks go back \(Self.length(back)) then, "
                + "so Rhythm uses the first, \(Self.hourMinute(local)) \(zone.offsetText(at: first)), not "
                + "\(Self.hourMinute(local)) \(zone.offsetText(at: second)) (as RFC 5545 says and calendars "
                + "read it); choose a time outside the repeated hour if the second was meant"
        }
    }

    private static func hourMinute(_ local: LocalDateTime) -> String {
        String(local.time.description.prefix(local.time.second == 0 ? 5 : 8))
    }

    private static func length(_ seconds: Int) -> String {
        seconds % 3600 == 0 ? Plural.phrase(seconds / 3600, "hour") : Plural.phrase(seconds / 60, "minute")
    }
}
