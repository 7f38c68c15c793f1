import Foundation

/// The checks every way of submitting an agenda item applies (`rhythm agenda add`, the JSON
/// API, an answer link), kept in one place so that they cannot drift apart.
public enum AgendaItemRules {
    /// The longest title, in characters.
    public static let titleLimit = 200
    /// The longest notes, in characters.
    public static let notesLimit = 10_000
    /// The time an item may ask for, in minutes.
    public static let minutes = 1...480

    /// A field of an item and what is wrong with it.
    public struct Problem: Hashable, Sendable {
        public enum Field: String, Hashable, Sendable {
            case title, minutes, notes, presenter
        }

        public let field: Field
        /// What is wrong, in words that name no option or JSON field: each caller adds its own.
        public let message: String
    }

    /// What is wrong with an item's fields; empty when nothing is.
    public static func problems(
        title: String, minutes: Int?, notes: String?, presenterID: String?, in initiative: Initiative
    ) -> [Problem] {
        [
            titleProblem(title), minutes.flatMap(minutesProblem), notes.flatMap(notesProblem),
            presenterID.flatMap { presenterProblem($0, in: initiative) },
        ].compactMap { $0 }
    }

    /// An empty title (spaces only count as empty), or one longer than ``titleLimit``.
    public static func titleProblem(_ title: String) -> Problem? {
        if title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            return Problem(field: .title, message: "The title must not be empty.")
        }
        guard title.count > titleLimit else { return nil }
        return Problem(field: .title, message: "The title is \(title.count) characters long; at most \(titleLimit).")
    }

    /// Minutes outside ``minutes``.
    public static func minutesProblem(_ minutes: Int) -> Problem? {
        guard !Self.minutes.contains(minutes) else { return nil }
        return Problem(
            field: .minutes,
            message: "Must be from \(Self.minutes.lowerBound) to \(Self.minutes.upperBound) minutes; it is \(minutes).")
    }

    /// Notes longer than ``notesLimit``.
    public static func notesProblem(_ notes: String) -> Problem? {
        guard notes.count > notesLimit else { return nil }
        return Problem(field: .notes, message: "The notes are \(notes.count) characters long; at most \(notesLimit).")
    }

    /// A presenter who is not in the configuration.
    public static func presenterProblem(_ presenterID: String, in initiative: Initiative) -> Problem? {
        guard !initiative.people.contains(where: { $0.id == presenterID }) else { return nil }
        return Problem(field: .presenter, message: "No person has the id \"\(presenterID)\".")
    }

    /// Whether an item can be submitted for `occurrence`: it takes place, neither cancelled
    /// nor skipped.
    public static func happens(_ occurrence: Occurrence) -> Bool {
        switch occurrence.status {
        case .cancelled, .skipped: false
        case .scheduled, .moved: true
        }
    }
}
