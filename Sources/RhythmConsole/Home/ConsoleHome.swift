import Foundation
import RhythmCore
import RhythmStore

/// The rhythm at a glance, the console's home page as data: this week and the next, one
/// health row per series, delivery health, and the numbers behind the charts.
///
/// Built by a pure function of the initiative, the store's rows and `now`
/// (`init(initiative:overview:now:)`), so every number can be tested without a database;
/// `load(store:initiative:now:)` reads those rows in one snapshot and builds it.
public struct ConsoleHome: Sendable {
    /// The initiative's name, for the page's title.
    public let initiativeName: String
    /// The initiative's zone: days, weeks and months are counted in it.
    public let timeZone: TimeZone
    /// The instant the page describes.
    public let now: Date
    /// This week and the next.
    public let calendar: HomeCalendar
    /// One row per series, in the configuration's order.
    public let series: [SeriesHealth]
    /// How the outbox is doing.
    public let delivery: DeliveryHealth
    /// Actions opened and closed over the last six months.
    public let actions: ActionTrend
    /// One trend per indicator, in the configuration's order.
    public let indicators: [IndicatorTrend]
    /// People's names by id, for naming the recipients of outbox entries.
    public let personNames: [String: String]

    /// How many days back "held against planned" and attendance look.
    public static let lookBackDays = 90
    /// How many held and dead outbox entries the page lists.
    public static let listedEntries = 10

    /// Reads what the page needs from `store` in one read transaction and builds it.
    public static func load(store: AppDatabase, initiative: Initiative, now: Date) throws(StoreError) -> ConsoleHome {
        let schedule = Schedule(initiative: initiative)
        let timelines = initiative.series.map {
            SeriesTimeline(series: $0, schedule: schedule, now: now, lookBackDays: lookBackDays)
        }
        let zone = initiative.timeZone
        let today = zone.wallClock(at: now).date
        let actionsSince = zone.instant(
            for: LocalDateTime(date: ActionTrend.firstDays(today: today)[0], time: .midnight))
        let overview = try store.overview(
            answersFrom: timelines.compactMap(\.earliestDate).min() ?? today,
            actionsChangedSince: actionsSince,
            itemsFrom: min(timelines.compactMap { $0.next?.originalStart.date }.min() ?? today, today),
            listLimit: listedEntries)
        return ConsoleHome(
            initiative: initiative, schedule: schedule, timelines: timelines, overview: overview, now: now)
    }

    /// The page for `initiative` at `now` from rows already read.
    public init(initiative: Initiative, overview: StoreOverview, now: Date) {
        let schedule = Schedule(initiative: initiative)
        self.init(
            initiative: initiative, schedule: schedule,
            timelines: initiative.series.map {
                SeriesTimeline(series: $0, schedule: schedule, now: now, lookBackDays: Self.lookBackDays)
            },
            overview: overview, now: now)
    }

    private init(
        initiative: Initiative, schedule: Schedule, timelines: [SeriesTimeline], overview: StoreOverview, now: Date
    ) {
        let today = initiative.timeZone.wallClock(at: now).date
        let answers = AnswersByMeeting(overview.attendance)
        initiativeName = initiative.name
        personNames = Dictionary(initiative.people.map { ($0.id, $0.name) }) { first, _ in first }
        timeZone = initiative.timeZone
        self.now = now
        calendar = HomeCalendar(schedule: schedule, now: now)
        series = timelines.map {
            SeriesHealth(
                timeline: $0, initiative: initiative, answers: answers, actions: overview.actions,
                items: overview.agendaItems, results: overview.indicatorResults, today: today)
        }
        delivery = DeliveryHealth(overview: overview, initiative: initiative)
        actions = ActionTrend(
            actions: overview.actions, closedAt: overview.closedAt, zone: initiative.timeZone, now: now)
        indicators = initiative.indicators.map {
            IndicatorTrend(indicator: $0, results: overview.indicatorResults, today: today)
        }
    }
}
