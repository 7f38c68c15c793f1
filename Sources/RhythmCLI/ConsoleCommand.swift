import ArgumentParser

/// `rhythm console`: sign-in links and sessions of the backbone's console.
struct ConsoleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "console",
        abstract: "Issue console sign-in links, and list and revoke console sessions.",
        discussion: """
            People marked `console: true` in the configuration sign in to /console with a \
            one-time link e-mailed to them from the sign-in page, or printed here for a first \
            sign-in. Rhythm keeps only hashes of links and session cookies. Database failures \
            exit with 74.

            Examples:
              rhythm console link priya-natarajan
              rhythm console sessions
              rhythm console revoke 3f9a0c12
              rhythm console revoke --person priya-natarajan
              rhythm console revoke --all
            """,
        subcommands: [SignInLink.self, Sessions.self, Revoke.self]
    )
}
