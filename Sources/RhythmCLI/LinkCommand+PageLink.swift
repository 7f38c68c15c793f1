import ArgumentParser
import Foundation
import RhythmConfig
import RhythmCore
import RhythmStore

extension LinkCommand {
    /// `rhythm link person`: a new link to a person's own page.
    struct PageLink: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "person",
            abstract: "Issue a link to a person's own page and print its URL.",
            discussion: """
                Prints <base>/me/<token> on standard output, once: Rhythm keeps only a hash of \
                its token. The link works for service.answer_links.personal_page (90 days \
                unless configured) unless it is revoked; links issued earlier keep working. \
                The person must exist in the configuration.

                Examples:
                  rhythm link person amara-okafor
                  rhythm link person amara-okafor --base-url https://rhythm.example.org --format json
                """
        )

        @OptionGroup var options: RhythmOptions

        @Argument(help: ArgumentHelp("The person's id in the configuration.", valueName: "person-id"))
        var person: String

        @Option(
            help: ArgumentHelp(
                "The public address of the Rhythm server, which the URL starts with.",
                discussion: "Defaults to service.public_url in the configuration, then its listening address.",
                valueName: "url"))
        var baseURL: String?

        @Option(help: ArgumentHelp("text (the URL alone) or json.", valueName: "format"))
        var format: OutputFormat = .text

        func validate() throws {
            try baseURL.map(BaseURLArgument.check)
        }

        func run() throws {
            let loaded = try options.load()
            let initiative = loaded.initiative
            let found = try initiative.checkedPerson(person)
            let store = try options.openDatabase(for: loaded)
            let now = Date()
            let expiresAt = now.addingTimeInterval(loaded.service.answerLinks.personalPage)
            let issued = try DatabaseOptions.checked { () throws(StoreError) in
                try store.issueAnswerLink(personID: found.id, subject: .page, expiresAt: expiresAt, now: now)
            }
            let url = issued.url(base: BaseURLArgument.trimmed(baseURL ?? loaded.service.baseURL))
            switch format {
            case .text:
                print(url)
            case .json:
                print(try JSONOutput.encoded(IssuedLinkJSON(issued: issued, url: url)))
            }
            let local = initiative.timeZone.wallClock(at: expiresAt)
            StandardError.print(
                "Issued answer link \(issued.record.publicID) for \(found.name) (\(found.id)): their page, working "
                    + "until \(local.date) \(OccurrenceText.hourMinute(local.time.truncatedToMinutes)) "
                    + "(\(initiative.timeZone.identifier)). The URL is shown only this once: Rhythm keeps only a "
                    + "hash of it.")
        }
    }
}

/// The JSON form of a newly issued link: the only time its URL is shown.
struct IssuedLinkJSON: Encodable {
    let publicId: String
    let personId: String
    let purpose: String
    let url: String
    let createdAt: String
    let expiresAt: String?

    init(issued: IssuedAnswerLink, url: String) {
        publicId = issued.record.publicID
        personId = issued.record.personID
        purpose = issued.record.subject.purpose.rawValue
        self.url = url
        createdAt = ISO8601Format.utc(issued.record.createdAt)
        expiresAt = issued.record.expiresAt.map(ISO8601Format.utc)
    }
}
