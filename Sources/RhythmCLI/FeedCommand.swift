import ArgumentParser
import RhythmStore

/// `rhythm feed`: the private calendar-feed URLs of partners, people and groups.
struct FeedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feed",
        abstract: "List, rotate and revoke private calendar-feed URLs.",
        discussion: """
            Each partner, person and group can have a private calendar feed behind a URL \
            that holds a secret token. Rhythm keeps only a hash of the token, so a URL is \
            shown once, when it is issued; if it is lost or leaked, rotate it. Subjects are \
            written partner:ID, person:ID or group:ID. Database failures exit with 74.

            Examples:
              rhythm feed rotate partner:brightwater-council --base-url https://rhythm.example.org
              rhythm feed list
              rhythm feed revoke k7qm2xw9ta
              rhythm feed revoke --subject person:fiona-mcallister
            """,
        subcommands: [List.self, Rotate.self, Revoke.self]
    )

    /// Reads `partner:ID`, `person:ID` or `group:ID` for an argument named `name`.
    static func subject(parsing text: String, for name: String) throws -> FeedSubject {
        guard let subject = FeedSubject(parsing: text) else {
            throw ValidationError(
                "\(name) must be partner:ID, person:ID or group:ID, such as partner:brightwater-council; "
                    + "found \"\(text)\".")
        }
        return subject
    }
}
