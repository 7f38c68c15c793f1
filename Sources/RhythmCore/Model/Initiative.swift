import Foundation

/// A Collective Impact initiative and the rhythm its backbone keeps: who takes part, what
/// meets when, what is measured, and how people are reminded.
///
/// This is the whole configuration file as pure values; `RhythmConfig` builds one after
/// checking every reference, so code that holds an `Initiative` may trust its ids.
public struct Initiative: Sendable {
    /// The name people know the initiative by, shown on agendas and calendar names.
    public var name: String
    /// The zone meetings default to when a series names none.
    public var timeZone: TimeZone
    /// A domain the backbone controls; stable identifiers (calendar UIDs) end in it.
    public var domain: String
    public var partners: [Partner]
    public var people: [Person]
    public var groups: [Group]
    public var holidays: [HolidayPeriod]
    public var series: [MeetingSeries]
    public var indicators: [Indicator]
    public var channels: [Channel]
    public var reminderRules: [ReminderRule]
    /// Hours in which nobody is sent a reminder unless their own settings say otherwise.
    public var quietHours: QuietHours?

    public init(
        name: String,
        timeZone: TimeZone,
        domain: String,
        partners: [Partner] = [],
        people: [Person] = [],
        groups: [Group] = [],
        holidays: [HolidayPeriod] = [],
        series: [MeetingSeries] = [],
        indicators: [Indicator] = [],
        channels: [Channel] = [],
        reminderRules: [ReminderRule] = [],
        quietHours: QuietHours? = nil
    ) {
        self.name = name
        self.timeZone = timeZone
        self.domain = domain
        self.partners = partners
        self.people = people
        self.groups = groups
        self.holidays = holidays
        self.series = series
        self.indicators = indicators
        self.channels = channels
        self.reminderRules = reminderRules
        self.quietHours = quietHours
    }
}
