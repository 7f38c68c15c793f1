import ArgumentParser

/// `rhythm agenda`: what goes on the agenda of a meeting.
struct AgendaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agenda",
        abstract: "Submit, list, reorder, change and withdraw the items of meetings' agendas, and show agendas.",
        discussion: """
            An agenda item is something submitted for one occurrence of a series, named by \
            the date the series' rule gives it (its original date, even when the meeting \
            moved), or for the next meeting with --next. An agenda is built from the live \
            data whenever it is shown: the standing items, then the submitted items in their             order. Every change is kept in the audit trail (`rhythm audit --entity             agenda-item`). Unknown ids and impossible moves exit with 64, database failures             with 74.

            Examples:
              rhythm agenda add leadership-table "Term 1 attendance" --next --presenter sam-ibrahim --minutes 15
              rhythm agenda add indicator-review "Placements data" --date 2027-02-25
              rhythm agenda list leadership-table --next
              rhythm agenda move 12 --position 1
              rhythm agenda move 12 --to-next
              rhythm agenda update 12 --minutes 20
              rhythm agenda withdraw 12
              rhythm agenda show leadership-table --next --format html > agenda.html
            """,
        subcommands: [
            AgendaAddCommand.self, AgendaListCommand.self, AgendaShowCommand.self, AgendaUpdateCommand.self,
            AgendaMoveCommand.self, AgendaWithdrawCommand.self,
        ]
    )
}
