import Foundation
import RhythmCore

/// `exceptions:` of a series: skipped, cancelled and moved occurrences.
extension ConfigurationDecoder {
    private static let exceptionKeys = ["skip", "cancel", "move", "reason", "to", "location", "online_url"]
    private static let actions = ["skip", "cancel", "move"]

    /// Reads the exceptions; `occurrences` is nil when the series itself is broken, in which
    /// case the entries are still checked on their own.
    func exceptions(_ value: ConfigValue, occurrences: SeriesOccurrences?) -> [SeriesException]? {
        guard let items = list(value, of: "exceptions") else { return nil }
        var firstLine: [LocalDate: Int] = [:]
        var result: [SeriesException] = []
        var timedMoves: [TimedMove] = []
        var failed = false
        for item in items {
            guard let (exception, dateValue, toValue) = exception(item) else {
                failed = true
                continue
            }
            let date = exception.originalDate
            if let line = firstLine[date] {
                log.error(
                    "there is already an exception for \(date) (line \(line)); one occurrence can only change once, "
                        + "so merge the two entries",
                    at: dateValue.mark, path: dateValue.path)
                failed = true
                continue
            }
            firstLine[date] = dateValue.mark?.line ?? 0
            if let occurrences, !occurrences.contains(date) {
                log.error(noOccurrence(on: date, occurrences), at: dateValue.mark, path: dateValue.path)
                failed = true
                continue
            }
            result.append(exception)
            if case .move(let date, let change) = exception, let target = change.start, let toValue {
                timedMoves.append(TimedMove(originalDate: date, target: target, place: toValue))
            }
        }
        if let occurrences, !checkMoveCollisions(timedMoves, exceptions: result, occurrences: occurrences) {
            failed = true
        }
        return failed ? nil : result
    }

    private func noOccurrence(on date: LocalDate, _ occurrences: SeriesOccurrences) -> String {
        let (before, after) = occurrences.neighbours(of: date)
        let near = [before, after].compactMap { $0 }.map { "\($0) (\($0.weekday.name))" }
        let hint = near.isEmpty ? "" : "; the nearest are \(near.joined(separator: " and "))"
        return "the series does not meet on \(date) (a \(date.weekday.name)), so there is nothing to change\(hint). "
            + "Name an exception by the date the meeting was originally due"
    }

    /// One entry: the exception, where its date is written and, for a move, where its `to:` is.
    private func exception(_ value: ConfigValue) -> (SeriesException, ConfigValue, ConfigValue?)? {
        guard let fields = fields(of: value, allowed: Self.exceptionKeys) else { return nil }
        let present = Self.actions.filter(fields.has)
        guard present.count == 1, let action = present.first, let dateValue = fields.optional(action) else {
            let message =
                present.isEmpty
                ? "an exception needs one of skip:, cancel: or move: with the date of the occurrence it changes"
                : "an exception takes only one of skip:, cancel: or move:; write one entry per change"
            log.error(message, at: value.mark, path: value.path)
            return nil
        }
        let date = self.date(dateValue)
        let reason = fields.optional("reason").map(text)
        if action != "move" {
            for key in ["to", "location", "online_url"] where fields.has(key) {
                log.error(
                    "\(key): only applies to move:; a \(action) has no new time or place",
                    at: fields.keyMark(key), path: value.path.appending(key))
            }
            guard let date, reason != .some(nil), !["to", "location", "online_url"].contains(where: fields.has) else {
                return nil
            }
            let exception: SeriesException =
                action == "skip" ? .skip(date, reason: reason ?? nil) : .cancel(date, reason: reason ?? nil)
            return (exception, dateValue, nil)
        }
        let start = fields.optional("to").map(dateTime)
        let location = fields.optional("location").map(text)
        let url = fields.optional("online_url").map(webAddress)
        if start == nil, location == nil, url == nil {
            log.error(
                "a move needs to: (the new local date-time) and/or a new location: or online_url:",
                at: dateValue.mark, path: dateValue.path)
            return nil
        }
        guard let date, start != .some(nil), location != .some(nil), url != .some(nil), reason != .some(nil) else {
            return nil
        }
        let change = OccurrenceChange(
            start: start ?? nil, location: location ?? nil, onlineMeetingURL: url ?? nil, reason: reason ?? nil)
        return (.move(date, change), dateValue, fields.optional("to"))
    }
}
