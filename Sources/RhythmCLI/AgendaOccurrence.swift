import ArgumentParser
import Foundation
import RhythmCore

/// Finds the occurrence `rhythm agenda show` is about: the one a date names (its original
/// date, or the date it moved to), or the next one; a date with no meeting is answered with
/// the nearest dates that have one.
struct AgendaOccurrence {
    let initiative: Initiative
    let series: MeetingSeries

    func find(date: LocalDate?, now: Date) throws -> Occurrence {
        let schedule = Schedule(initiative: initiative)
        guard let date else {
            guard let upcoming = schedule.nextMeeting(of: series, after: now) else {
                throw ValidationError("\(series.id) has no meeting in the next two years.")
            }
            return upcoming
        }
        let meeting = schedule.meeting(of: series, on: date)
        if let found = meeting.named {
            if case .skipped(let reason) = found.status {
                throw ValidationError(
                    "The \(series.id) meeting of \(date) is skipped\(reason.map { " (\($0))" } ?? ""), so it has no agenda."
                        + nearest(to: date, in: schedule))
            }
            if let other = meeting.alsoMovedHere {
                StandardError.print(Self.ambiguityNote(date: date, named: found, other: other))
            }
            return found
        }
        throw ValidationError(
            "\(series.id) has no meeting on \(OccurrenceText.dayAndDate(date))." + nearest(to: date, in: schedule))
    }

    /// What a command says when `date` is both the original date of `named` (moved away or
    /// cancelled) and the date `other` moved to: which one it took, and how to name the other.
    static func ambiguityNote(date: LocalDate, named: Occurrence, other: Occurrence) -> String {
        "note: \(date) is the original date of this \(named.series.id) meeting (\(named.status.label)), which is "
            + "the one taken; the meeting moved onto \(date) is reached with --date \(other.originalStart.date)."
    }

    /// ` The nearest are Tue 2027-04-13 and Tue 2027-05-11.`
    private func nearest(to date: LocalDate, in schedule: Schedule) -> String {
        let middle = series.timeZone.instant(for: LocalDateTime(date: date, time: .midnight))
        let window = DateInterval(start: middle.addingTimeInterval(-400 * 86_400), duration: 800 * 86_400)
        let held = schedule.occurrences(of: [series], in: window).map(\.localStart.date)
        let dates = [held.last { $0 < date }, held.first { $0 > date }].compactMap { $0 }
        switch dates.count {
        case 0: return " It has no meetings within a year of that date."
        case 1: return " The nearest is \(OccurrenceText.dayAndDate(dates[0]))."
        default:
            return " The nearest are \(OccurrenceText.dayAndDate(dates[0])) and \(OccurrenceText.dayAndDate(dates[1]))."
        }
    }
}
