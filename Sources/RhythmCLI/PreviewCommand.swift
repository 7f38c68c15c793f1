import ArgumentParser
import Foundation
import RhythmCore

/// `rhythm preview`: what a recurrence rule produces, before it goes into the configuration.
struct PreviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preview",
        abstract: "Print the occurrences of one recurrence rule.",
        discussion: """
            Prints one local date-time with its UTC offset per line, so a rule can be tried \
            before it goes into the configuration. Bad rules are explained part by part. \
            Without --count or --until, prints the first 10 occurrences (or all of them \
            when the rule has COUNT or UNTIL, up to 1000).

            Examples:
              rhythm preview --rule 'FREQ=MONTHLY;BYDAY=2TU' --start 2027-02-09T10:00 --zone Australia/Melbourne
              rhythm preview --rule 'FREQ=MONTHLY;INTERVAL=3;BYDAY=TH;BYSETPOS=-1' \\
                  --start 2027-02-25T13:00 --zone Australia/Melbourne --until 2028-12-31
            """
    )

    /// Prints at most this many lines when neither the rule nor the caller sets a bound.
    static let defaultCount = 10
    /// A bound on bounded rules too, so that a typo such as COUNT=100000 does not flood.
    static let maximumCount = 1000

    @Option(help: ArgumentHelp("An RFC 5545 rule, such as FREQ=WEEKLY;BYDAY=MO.", valueName: "rrule"))
    var rule: String

    @Option(help: ArgumentHelp("The first occurrence, as a local date-time (2027-02-09T10:00).", valueName: "datetime"))
    var start: String

    @Option(help: ArgumentHelp("The IANA time zone the meeting is held in.", valueName: "zone"))
    var zone: String

    @Option(help: ArgumentHelp("Print at most this many occurrences.", valueName: "n"))
    var count: Int?

    @Option(help: ArgumentHelp("Print occurrences up to this date, included (YYYY-MM-DD).", valueName: "date"))
    var until: String?

    func validate() throws {
        if count != nil, until != nil {
            throw ValidationError("Give either --count or --until, not both.")
        }
        if let count, !(1...Self.maximumCount).contains(count) {
            throw ValidationError("--count must be between 1 and \(Self.maximumCount); found \(count).")
        }
        if LocalDateTime(iso: start) == nil {
            throw ValidationError("--start expects a local date-time such as 2027-02-09T10:00; found \"\(start)\".")
        }
        if let until, LocalDate(iso: until) == nil {
            throw ValidationError("--until expects a date such as 2027-12-31; found \"\(until)\".")
        }
        if TimeZone.named(zone) == nil {
            let hint =
                Suggestion.closest(to: zone, in: TimeZoneDatabase.system.names)
                .map { " Did you mean \($0)?" } ?? " Use an IANA name such as Australia/Melbourne."
            throw ValidationError("--zone: \"\(zone)\" is not a known time zone.\(hint)")
        }
    }

    func run() throws {
        let recurrence: RecurrenceRule
        do {
            recurrence = try RecurrenceRule(parsing: rule)
        } catch {
            StandardError.print(RuleProblemText(rule: rule, error: error).text)
            throw ExitCode(64)
        }
        guard let start = LocalDateTime(iso: start), let zone = TimeZone.named(zone) else { return }
        let limit = until.flatMap { LocalDate(iso: $0) }.map {
            LocalDateTime(date: $0, time: LocalTime(hour: 23, minute: 59, second: 59)!)
        }
        let bounded = limit != nil || recurrence.end != .never
        let maximum = count ?? (bounded ? Self.maximumCount : Self.defaultCount)
        var occurrences = recurrence.occurrences(from: start, in: zone, through: limit).makeIterator()
        for _ in 0..<maximum {
            guard let local = occurrences.next() else { break }
            print(zone.iso8601(zone.instant(for: local)))
        }
        if occurrences.isTruncated {
            StandardError.print(
                "note: the rule produces more than Rhythm expands (at most \(RecurrenceSequence.Limits.maximumOccurrences) "
                    + "occurrences, and at most \(RecurrenceSequence.Limits.maximumPeriodSize) in one period), so the "
                    + "list stops here")
        }
    }
}

/// A rule's problems, each under a caret that points into the rule.
struct RuleProblemText {
    let rule: String
    let error: RecurrenceRuleError

    var text: String {
        var lines = ["error: the rule has \(Plural.phrase(error.problems.count, "problem")):", "  \(rule)"]
        for problem in error.problems {
            let indent = String(repeating: " ", count: 2 + min(max(problem.offset, 0), rule.count))
            lines.append("\(indent)^ \(problem.message)")
        }
        return lines.joined(separator: "\n")
    }
}
