/// The sections whose entries have ids that other entries refer to.
enum ReferenceKind: CaseIterable {
    case partner, person, group, holiday, series, indicator, channel, reminder

    /// The top-level key of the section that defines these ids.
    var section: String {
        switch self {
        case .partner: "partners"
        case .person: "people"
        case .group: "groups"
        case .holiday: "holidays"
        case .series: "series"
        case .indicator: "indicators"
        case .channel: "channels"
        case .reminder: "reminders"
        }
    }

    /// The word for one entry, in messages.
    var noun: String {
        switch self {
        case .person: "person"
        case .series: "series"
        default: String(section.dropLast())
        }
    }
}
