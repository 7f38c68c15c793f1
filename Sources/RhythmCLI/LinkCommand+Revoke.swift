import ArgumentParser
import Foundation
import RhythmCore
import RhythmStore

extension LinkCommand {
    /// `rhythm link revoke`: stops answer links working, one by its public id or all of a person's.
    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "revoke",
            abstract: "Stop answer links working.",
            discussion: """
                Names one link by the public id `rhythm link list` shows, or revokes every link \
                of a person with --person (their page and every link in the messages they were \
                sent). The person is not checked against the configuration, so the links of \
                someone who was removed from it can still be revoked. Revoking is immediate \
                and cannot be undone; a revoked link shows the same page as one that never \
                existed. Issue a new page link with `rhythm link person`.

                Examples:
                  rhythm link revoke k7qm2xw9ta
                  rhythm link revoke --person amara-okafor
                """
        )

        @OptionGroup var options: RhythmOptions

        @Argument(help: ArgumentHelp("The link's public id, as `rhythm link list` shows it.", valueName: "public-id"))
        var publicID: String?

        @Option(help: ArgumentHelp("Revoke every link of this person.", valueName: "person-id"))
        var person: String?

        func validate() throws {
            switch (publicID, person) {
            case (nil, nil): throw ValidationError("Name a link by its public id, or a person with --person.")
            case (.some, .some): throw ValidationError("Give either a public id or --person, not both.")
            default: break
            }
        }

        func run() throws {
            let location = try options.databaseLocation()
            let store = try options.open(location)
            let links = try DatabaseOptions.checked { () throws(StoreError) in try store.answerLinks(personID: nil) }
            let now = Date()
            if let publicID {
                try revoke(publicID: publicID, in: store, at: location.path, among: links, now: now)
            } else if let person {
                try revoke(person: person, in: store, among: links, now: now)
            }
        }

        private func revoke(
            publicID: String, in store: AppDatabase, at databasePath: String, among links: [AnswerLinkRecord], now: Date
        ) throws {
            guard let link = links.first(where: { $0.publicID == publicID }) else {
                if links.isEmpty {
                    throw ValidationError("There is no answer link \"\(publicID)\"; \(databasePath) holds none.")
                }
                throw ValidationError(UpcomingQuery.unknown("answer link", publicID, among: links.map(\.publicID)))
            }
            guard link.revokedAt == nil else {
                print(
                    "Answer link \(publicID) (\(link.subject), person:\(link.personID)) was already revoked; "
                        + "nothing was changed.")
                return
            }
            _ = try DatabaseOptions.checked { () throws(StoreError) in
                try store.revokeAnswerLink(publicID: publicID, now: now)
            }
            print("Revoked answer link \(publicID) (\(link.subject), person:\(link.personID)); it no longer works.")
        }

        private func revoke(person: String, in store: AppDatabase, among links: [AnswerLinkRecord], now: Date) throws {
            let revoked = try DatabaseOptions.checked { () throws(StoreError) in
                try store.revokeAnswerLinks(personID: person, now: now)
            }
            guard revoked > 0 else {
                let holders = Set(links.filter { $0.revokedAt == nil }.map(\.personID))
                let hint = Suggestion.closest(to: person, in: holders).map { "; did you mean \"\($0)\"?" }
                print("\(person) has no unrevoked answer link; nothing was changed\(hint ?? ".")")
                return
            }
            print(
                "Revoked \(Plural.phrase(revoked, "answer link")) of \(person); "
                    + "\(revoked == 1 ? "it no longer works" : "they no longer work").")
        }
    }
}
