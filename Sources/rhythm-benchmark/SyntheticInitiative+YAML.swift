import Foundation
import RhythmCore

extension SyntheticInitiative {
    /// The initiative as a configuration file, so `rhythm serve` can be measured with it.
    static func yaml(listen: String) -> String {
        var lines = [
            "initiative:", "  name: \(initiative.name)", "  time_zone: \(initiative.timeZone.identifier)",
            "  domain: \(initiative.domain)", "service:", "  listen: \(listen)", "partners:",
        ]
        for partner in initiative.partners {
            lines += ["  - id: \(partner.id)", "    name: \(partner.name)", "    sector: community"]
        }
        lines.append("people:")
        for person in initiative.people {
            lines += [
                "  - id: \(person.id)", "    name: \(person.name)", "    email: \(person.email)",
                "    partner: \(person.partnerID ?? "")",
            ]
        }
        lines.append("groups:")
        for group in initiative.groups {
            lines += [
                "  - id: \(group.id)", "    name: \(group.name)", "    kind: working-group", "    members:",
                "      partners: [\(group.memberPartners.joined(separator: ", "))]",
            ]
        }
        lines.append("holidays:")
        for holiday in initiative.holidays {
            lines += [
                "  - id: \(holiday.id)", "    name: \(holiday.name)", "    from: \(holiday.firstDay)",
                "    to: \(holiday.lastDay)",
            ]
        }
        lines.append("series:")
        for series in initiative.series {
            let start = series.start
            lines += [
                "  - id: \(series.id)", "    title: \(series.title)", "    kind: working-group",
                "    description: \"\(series.description ?? "")\"",
                "    start: \(start.date)T\(String(start.time.description.prefix(5)))", "    duration: 1h",
                "    time_zone: \(series.timeZone.identifier)", "    location: \"\(series.location ?? "")\"",
                "    organizer: \(series.organizerID ?? "")",
                "    attendees: { groups: [\(series.attendees.groupIDs.joined(separator: ", "))] }",
                "    rule: \(series.recurrence?.rfc5545Text ?? "")", "    on_holiday: \(series.holidayPolicy.rawValue)",
            ]
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
