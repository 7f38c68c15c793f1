import Foundation
import RhythmCore

/// A move must not put a meeting where the series already meets: the feeds, the agendas and
/// the reminders would then carry the same meeting twice.
extension ConfigurationDecoder {
    /// A `move:` exception that gives a new time, with where its `to:` is written.
    struct TimedMove {
        let originalDate: LocalDate
        let target: LocalDateTime
        let place: ConfigValue
    }

    /// Reports, at its `to:`, each move whose new time another occurrence of the series
    /// already has: one that stays where it is (from the rule or the extra dates), one that
    /// another move puts there, or a second meeting of the same day that the move would
    /// carry along. Returns whether every move is clear.
    func checkMoveCollisions(
        _ moves: [TimedMove], exceptions: [SeriesException], occurrences: SeriesOccurrences
    ) -> Bool {
        let exceptionByDate = Dictionary(exceptions.map { ($0.originalDate, $0) }) { first, _ in first }
        var movedThere: [LocalDateTime: TimedMove] = [:]
        var clear = true
        for move in moves {
            let problem =
                sameDayProblem(move, occurrences: occurrences)
                ?? staysThereProblem(move, exceptionByDate: exceptionByDate, occurrences: occurrences)
                ?? movedThere[move.target].map { otherMoveProblem(move, earlier: $0) }
            if let problem {
                log.error(problem, at: move.place.mark, path: move.place.path)
                clear = false
            } else {
                movedThere[move.target] = move
            }
        }
        return clear
    }

    /// An exception names a date; when the series meets more than once that day (an extra
    /// date beside the rule's), a move takes every one of them to the same new time.
    private func sameDayProblem(_ move: TimedMove, occurrences: SeriesOccurrences) -> String? {
        let starts = occurrences.starts(on: move.originalDate)
        guard starts.count > 1 else { return nil }
        let times = starts.map { String($0.time.description.prefix(5)) }.joined(separator: " and ")
        return "the series meets \(starts.count) times on \(move.originalDate) (at \(times), from its rule and "
            + "extra_dates), and an exception changes every meeting of its date, so all of them would be at "
            + "\(Self.text(move.target)): the same meeting twice. Move the extra date itself in extra_dates instead"
    }

    private func staysThereProblem(
        _ move: TimedMove, exceptionByDate: [LocalDate: SeriesException], occurrences: SeriesOccurrences
    ) -> String? {
        let occupied = occurrences.starts(on: move.target.date).contains { start in
            guard start == move.target, start.date != move.originalDate else { return false }
            switch exceptionByDate[start.date] {
            case .skip?, .cancel?: return false
            case .move(_, let change)?: return change.start == nil
            case nil: return true
            }
        }
        guard occupied else { return nil }
        let other = move.target.date
        return "the move puts the meeting of \(move.originalDate) at \(Self.text(move.target)), where the series "
            + "already meets (the occurrence of \(other)), so there would be the same meeting twice; choose another "
            + "time, or skip or cancel the \(other) occurrence"
    }

    private func otherMoveProblem(_ move: TimedMove, earlier: TimedMove) -> String {
        let line = earlier.place.mark.map { " (line \($0.line))" } ?? ""
        return "the move puts the meeting of \(move.originalDate) at \(Self.text(move.target)), where the move of "
            + "the occurrence of \(earlier.originalDate)\(line) already puts it, so there would be the same meeting "
            + "twice; move one of them to another time"
    }

    /// `2027-03-16 10:00`, as a coordinator writes a meeting time.
    private static func text(_ dateTime: LocalDateTime) -> String {
        "\(dateTime.date) \(dateTime.time.description.prefix(5))"
    }
}
