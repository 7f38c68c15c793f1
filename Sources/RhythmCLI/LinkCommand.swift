import ArgumentParser

/// `rhythm link`: the answer links that act for one person (their page, and the links in
/// the messages Rhythm sends them).
struct LinkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "link",
        abstract: "Issue a person's page link, and list and revoke answer links.",
        discussion: """
            An answer link lets the one person it was made for answer one question without \
            signing in: their page (/me/<token>), or one meeting, action, indicator value or \
            reminder rule (/a/<token>). Opening a link never changes anything. Rhythm keeps \
            only a hash of each link's token, so a URL is shown once, when it is issued. \
            Database failures exit with 74.

            Examples:
              rhythm link person amara-okafor
              rhythm link list --person amara-okafor
              rhythm link revoke --person amara-okafor
              rhythm link revoke k7qm2xw9ta
            """,
        subcommands: [PageLink.self, List.self, Revoke.self]
    )
}
