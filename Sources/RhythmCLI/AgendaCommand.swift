import ArgumentParser

/// `rhythm agenda`: what goes on the agenda of a meeting.
struct AgendaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agenda",
        abstract: "Submit items for the agendas of meetings, and show agendas.",
        discussion: """
            An agenda item is something submitted for one occurrence of a series, named by \
            the date the series' rule gives it (its original date, even when the meeting \
            moved), or for the next meeting with --next. An agenda is built from the live \
            data whenever it is shown. Unknown ids exit with 64.

            Examples:
              rhythm agenda add leadership-table "Term 1 attendance" --next --presenter sam-ibrahim --minutes 15
              rhythm agenda add indicator-review "Placements data" --date 2027-02-25
              rhythm agenda show leadership-table --next --format html > agenda.html
            """,
        subcommands: [AgendaAddCommand.self, AgendaShowCommand.self]
    )
}
