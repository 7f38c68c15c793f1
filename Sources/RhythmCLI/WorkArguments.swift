import ArgumentParser
import Foundation
import RhythmCore

/// What the commands that change actions, agenda items and indicator values share: the
/// actor they record, and how they read and check what people type.
enum WorkArguments {
    /// Who the audit trail names for a change made on the command line: `cli:<user>`, the
    /// user from `USER`, else `LOGNAME`, else plain `cli`; and, when the command runs through
    /// sudo as another user (`sudo -u rhythm`, as the README advises), the person who ran
    /// sudo from `SUDO_USER`: `cli:rhythm (sudo: alice)`, or through doas from `DOAS_USER`:
    /// `cli:rhythm (doas: alice)`. Without that, every change made the recommended way would
    /// be audited as the service account.
    static func actor(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let user = [environment["USER"], environment["LOGNAME"]].lazy.compactMap { $0 }.first { !$0.isEmpty }
        let actor = user.map { "cli:\($0)" } ?? "cli"
        for (tool, invoker) in [("sudo", environment["SUDO_USER"]), ("doas", environment["DOAS_USER"])] {
            if let invoker, !invoker.isEmpty, invoker != user { return "\(actor) (\(tool): \(invoker))" }
        }
        return actor
    }

    /// Reads `2027-04-06` for the option `name`.
    static func date(_ text: String, for name: String) throws -> LocalDate {
        guard let date = LocalDate(iso: text) else {
            throw ValidationError("\(name) expects a date such as 2027-04-06; found \"\(text)\".")
        }
        return date
    }

    /// Reads a date, or `none` to clear it.
    static func dateOrNone(_ text: String, for name: String) throws -> LocalDate? {
        text.lowercased() == "none" ? nil : try date(text, for: name)
    }

    /// Reads an action status for the option `name`, with a did-you-mean error.
    static func status(_ text: String, for name: String) throws -> Action.Status {
        guard let status = Action.Status(rawValue: text.lowercased()) else {
            let known = Action.Status.allCases.map(\.rawValue)
            if let suggestion = Suggestion.closest(to: text, in: known) {
                throw ValidationError("\(name): there is no status \"\(text)\"; did you mean \"\(suggestion)\"?")
            }
            throw ValidationError("\(name) expects one of \(known.joined(separator: ", ")); found \"\(text)\".")
        }
        return status
    }

    /// Today on the initiative's clocks: what "overdue" is measured against.
    static func today(in initiative: Initiative, now: Date = Date()) -> LocalDate {
        initiative.timeZone.wallClock(at: now).date
    }
}

extension Initiative {
    /// The person with this id, or a did-you-mean error.
    func checkedPerson(_ id: String) throws -> Person {
        guard let person = people.first(where: { $0.id == id }) else {
            throw ValidationError(UpcomingQuery.unknown("person", id, among: people.map(\.id)))
        }
        return person
    }

    /// Refuses a partner id the configuration does not have.
    func checkPartner(_ id: String) throws {
        guard partners.contains(where: { $0.id == id }) else {
            throw ValidationError(UpcomingQuery.unknown("partner", id, among: partners.map(\.id)))
        }
    }

    /// Refuses a group id the configuration does not have.
    func checkGroup(_ id: String) throws {
        guard groups.contains(where: { $0.id == id }) else {
            throw ValidationError(UpcomingQuery.unknown("group", id, among: groups.map(\.id)))
        }
    }

    /// The series with this id, or a did-you-mean error.
    func checkedSeries(_ id: String) throws -> MeetingSeries {
        guard let found = series.first(where: { $0.id == id }) else {
            throw ValidationError(UpcomingQuery.unknown("series", id, among: series.map(\.id)))
        }
        return found
    }

    /// The indicator with this id, or a did-you-mean error.
    func checkedIndicator(_ id: String) throws -> Indicator {
        guard let indicator = indicators.first(where: { $0.id == id }) else {
            throw ValidationError(UpcomingQuery.unknown("indicator", id, among: indicators.map(\.id)))
        }
        return indicator
    }

    /// The person's name, or the id when the configuration no longer has them.
    func personName(_ id: String) -> String {
        people.first(where: { $0.id == id })?.name ?? id
    }
}

/// The two output forms of the commands that list or show.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
}

/// JSON the way every command prints it: sorted snake-case keys, pretty, readable slashes.
enum JSONOutput {
    static func encoded(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}

/// Aligned columns for terminal tables.
enum TextTable {
    static func lines(header: [String], rows: [[String]]) -> [String] {
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        return ([header] + rows).map { row in
            zip(row, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: "  ")
                .trimmingCharacters(in: .whitespaces)
        }
    }
}
