import ArgumentParser

/// `rhythm action`: the commitments partners made, kept until done or dropped.
struct ActionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "action",
        abstract: "Record, list and update actions.",
        discussion: """
            An action is a commitment someone made, with an owner (a person in the \
            configuration) and usually a due date; it stays open until it is done or dropped, \
            and meanwhile appears on the agendas of the meetings that review it. Every change \
            is kept in the audit trail (`rhythm audit`) under cli:$USER (and, through sudo, \
            the person who ran it: cli:rhythm (sudo: alice)). Unknown ids exit with \
            64, database failures with 74.

            Examples:
              rhythm action add "Draft the data-sharing agreement" --owner amara-okafor --due 2027-03-01
              rhythm action list --owner amara-okafor --overdue
              rhythm action update 12 --due 2027-04-01 --status in-progress
              rhythm action done 12
            """,
        subcommands: [
            ActionAddCommand.self, ActionListCommand.self, ActionShowCommand.self, ActionUpdateCommand.self,
            ActionDoneCommand.self, ActionDropCommand.self,
        ]
    )
}
