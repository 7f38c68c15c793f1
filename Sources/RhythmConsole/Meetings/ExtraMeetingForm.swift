import Foundation
import RhythmCore

/// The console's "Add an extra meeting" form: what was typed (to show it again) and the
/// live change it asks for, or the problems, each by the form field it is about.
struct ExtraMeetingForm: Sendable {
    /// The parts of the form a problem can be about.
    enum Field: String, Sendable {
        case series, when, location, reason
    }

    var seriesID = ""
    var date = ""
    var time = ""
    var location = ""
    var reason = ""
    var notifiesAttendees = false

    init() {}

    /// The form as posted (urlencoded).
    init(form: String) {
        let form = ConsoleForm(form)
        let field = { (name: String) in form[name]?.trimmingCharacters(in: .whitespaces) ?? "" }
        seriesID = field("series")
        date = field("date")
        time = field("time")
        location = field("location")
        reason = field("reason")
        notifiesAttendees = form.isChecked("notify")
    }

    /// The request the form makes, or what is wrong with what was typed; the rules of the
    /// change itself (the series' day is free, the time exists) are `LiveChangeRequest`'s.
    func request() -> Result<LiveChangeRequest, FormProblems> {
        var problems = FormProblems()
        if seriesID.isEmpty { problems.add(.series, "Choose the series the meeting belongs to.") }
        let day = LocalDate(iso: date)
        if day == nil || date.count != 10 {
            problems.add(.when, "Enter the date as YYYY-MM-DD, such as 2027-03-11.")
        }
        let clock = LocalTime(iso: time)
        if clock == nil { problems.add(.when, "Enter the time as HH:MM on a 24-hour clock, such as 14:30.") }
        guard let day, let clock, problems.isEmpty else { return .failure(problems) }
        let kind = LiveChange.Kind.extra(
            start: LocalDateTime(date: day, time: clock), location: location.isEmpty ? nil : location,
            reason: reason.isEmpty ? nil : reason)
        return .success(LiveChangeRequest(seriesID: seriesID, kind: kind, notifiesAttendees: notifiesAttendees))
    }

    /// The store's refusal, each problem put next to the field it is about.
    static func problems(_ error: LiveChangeRequestError) -> FormProblems {
        var problems = FormProblems()
        for problem in error.problems {
            let field: Field =
                switch problem.field {
                case .series: .series
                case .date, .start, .onlineURL: .when
                case .location: .location
                case .reason: .reason
                }
            problems.add(field, problem.message)
        }
        return problems
    }

    /// Problems by field, in the order found.
    struct FormProblems: Error, Sendable {
        private(set) var messages: [(field: Field, message: String)] = []

        var isEmpty: Bool { messages.isEmpty }

        mutating func add(_ field: Field, _ message: String) {
            messages.append((field, message))
        }

        /// The messages about `field`.
        subscript(field: Field) -> [String] {
            messages.filter { $0.field == field }.map(\.message)
        }
    }
}
