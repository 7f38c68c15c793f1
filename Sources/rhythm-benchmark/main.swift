// Measures schedule expansion: 200 meeting series of the kinds an initiative keeps,
// expanded over five years with holidays and exceptions. Run with
//     swift run -c release rhythm-benchmark
// Figures are wall-clock times on this machine; compare runs on the same machine only.
import Foundation
import RhythmCore

/// A deterministic mix of the rules real initiatives use.
let rules = [
    "FREQ=WEEKLY;BYDAY=MO",
    "FREQ=WEEKLY;INTERVAL=2;BYDAY=WE",
    "FREQ=MONTHLY;BYDAY=2TU",
    "FREQ=MONTHLY;BYDAY=-1FR",
    "FREQ=MONTHLY;INTERVAL=3;BYDAY=TH;BYSETPOS=-1",
    "FREQ=YEARLY;BYMONTH=5,10;BYDAY=3SA",
    "FREQ=WEEKLY;BYDAY=TU,TH",
    "FREQ=MONTHLY;BYMONTHDAY=-1",
    "FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR",
    "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=1",
]
let zones = ["Australia/Melbourne", "Europe/London", "America/New_York", "Australia/Brisbane"]

let holidays = (2027...2031).flatMap { year in
    [
        HolidayPeriod(
            id: "shutdown-\(year)",
            name: "Christmas shutdown",
            firstDay: LocalDate(year: year, month: 12, day: 21)!,
            lastDay: LocalDate(year: year + 1, month: 1, day: 8)!
        ),
        HolidayPeriod(
            id: "national-\(year)",
            name: "National day",
            firstDay: LocalDate(year: year, month: 1, day: 26)!,
            lastDay: LocalDate(year: year, month: 1, day: 26)!
        ),
    ]
}

let series = (0..<200).map { index in
    let start = LocalDate(year: 2027, month: 1, day: 4)!.adding(days: index % 28)
    return MeetingSeries(
        id: "series-\(index)",
        title: "Series \(index)",
        kind: .workingGroup,
        start: LocalDateTime(date: start, time: LocalTime(hour: 9 + index % 8, minute: 0)!),
        duration: .seconds(3600),
        timeZone: TimeZone(identifier: zones[index % zones.count])!,
        recurrence: try! RecurrenceRule(parsing: rules[index % rules.count]),
        exceptions: [
            .cancel(start.adding(days: 7 * 20), reason: "Cancelled"),
            .move(start.adding(days: 7 * 30), OccurrenceChange(location: "Elsewhere")),
        ],
        holidayPolicy: index % 2 == 0 ? .skip : .nextBusinessDay
    )
}

let initiative = Initiative(
    name: "Benchmark",
    timeZone: TimeZone(identifier: "Australia/Melbourne")!,
    domain: "example.org",
    holidays: holidays,
    series: series
)
let schedule = Schedule(initiative: initiative)
let window = DateInterval(
    start: TimeZone.gmt.instant(for: LocalDateTime(year: 2027, month: 1, day: 1)!),
    end: TimeZone.gmt.instant(for: LocalDateTime(year: 2032, month: 1, day: 1)!)
)

let clock = ContinuousClock()
var timings: [Duration] = []
var occurrenceCount = 0
for _ in 0..<10 {
    let elapsed = clock.measure {
        occurrenceCount = schedule.occurrences(in: window).count
    }
    timings.append(elapsed)
}
timings.sort()

func milliseconds(_ duration: Duration) -> String {
    let (seconds, attoseconds) = duration.components
    let value = Double(seconds) * 1000 + Double(attoseconds) / 1e15
    return String(format: "%.1f ms", value)
}

print("Schedule expansion: \(series.count) series over 5 years, \(occurrenceCount) occurrences, 10 runs")
print(
    "  min \(milliseconds(timings.first!))  median \(milliseconds(timings[timings.count / 2]))  max \(milliseconds(timings.last!))"
)
