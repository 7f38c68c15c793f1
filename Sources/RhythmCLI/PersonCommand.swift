import ArgumentParser

/// `rhythm person`: what Rhythm knows about the people of the configuration beyond the file:
/// whether mail to them comes back.
struct PersonCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "person",
        abstract: "List people with the state of their e-mail address, and clear a bounce.",
        discussion: """
            When a mail server reports that a reminder can never be delivered (a 5.x.x \
            bounce in the organiser mailbox), Rhythm marks that person's address as bouncing \
            and sends it nothing more: e-mail to them is skipped, with the reason in the \
            outbox. Chat messages still go out. Sending resumes when an operator clears the \
            bounce, or by itself when the configuration gives the person another address. \
            Database failures exit with 74.

            Examples:
              rhythm person list
              rhythm person clear-bounce mei-lin
            """,
        subcommands: [List.self, ClearBounce.self]
    )
}
