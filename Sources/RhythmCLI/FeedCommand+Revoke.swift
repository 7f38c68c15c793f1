import ArgumentParser
import Foundation
import RhythmCore
import RhythmStore

extension FeedCommand {
    /// `rhythm feed revoke`: stops feed URLs working, by token or by subject.
    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "revoke",
            abstract: "Stop a private feed URL working.",
            discussion: """
                Names the token by the public id `rhythm feed list` shows, or revokes every \
                token of a subject with --subject. Subjects are not checked against the \
                configuration, so the tokens of a partner, person or group that was removed \
                from it can still be revoked. Revoking is immediate and cannot be undone; \
                issue a new URL with `rhythm feed rotate`.

                Examples:
                  rhythm feed revoke k7qm2xw9ta
                  rhythm feed revoke --subject partner:apex-logistics
                """
        )

        @OptionGroup var options: RhythmOptions

        @Argument(help: ArgumentHelp("The token's public id, as `rhythm feed list` shows it.", valueName: "public-id"))
        var publicID: String?

        @Option(
            help: ArgumentHelp(
                "Revoke every token of this subject (partner:ID, person:ID or group:ID).", valueName: "subject"))
        var subject: String?

        func validate() throws {
            switch (publicID, subject) {
            case (nil, nil):
                throw ValidationError("Name a token by its public id, or a subject with --subject.")
            case (.some, .some):
                throw ValidationError("Give either a public id or --subject, not both.")
            case (nil, .some(let subject)):
                _ = try FeedCommand.subject(parsing: subject, for: "--subject")
            case (.some, nil):
                break
            }
        }

        func run() throws {
            let location = try options.databaseLocation()
            let store = try options.open(location)
            let tokens = try DatabaseOptions.checked { () throws(StoreError) in try store.feedTokens() }
            if let publicID {
                try revoke(publicID: publicID, in: store, at: location.path, among: tokens)
            } else if let subject {
                try revoke(subject: FeedCommand.subject(parsing: subject, for: "--subject"), in: store, among: tokens)
            }
        }

        private func revoke(
            publicID: String, in store: AppDatabase, at databasePath: String, among tokens: [FeedTokenRecord]
        ) throws {
            guard let token = tokens.first(where: { $0.publicID == publicID }) else {
                if tokens.isEmpty {
                    throw ValidationError("There is no feed token \"\(publicID)\"; \(databasePath) holds none.")
                }
                throw ValidationError(UpcomingQuery.unknown("feed token", publicID, among: tokens.map(\.publicID)))
            }
            guard token.isActive else {
                print("Feed token \(publicID) (\(token.subject)) was already revoked; nothing was changed.")
                return
            }
            _ = try DatabaseOptions.checked { () throws(StoreError) in
                try store.revokeFeedToken(publicID: publicID, now: Date())
            }
            print("Revoked feed token \(publicID) (\(token.subject)); its URL no longer works.")
        }

        private func revoke(subject: FeedSubject, in store: AppDatabase, among tokens: [FeedTokenRecord]) throws {
            let revoked = try DatabaseOptions.checked { () throws(StoreError) in
                try store.revokeFeedTokens(for: subject, now: Date())
            }
            guard !revoked.isEmpty else {
                let active = Set(tokens.filter(\.isActive).map(\.subject.description))
                let hint = Suggestion.closest(to: subject.description, in: active).map { "; did you mean \"\($0)\"?" }
                print("\(subject) has no active feed token; nothing was changed\(hint ?? ".")")
                return
            }
            let ids = revoked.map(\.publicID).joined(separator: ", ")
            print(
                "Revoked \(Plural.phrase(revoked.count, "feed token")) of \(subject) (\(ids)); "
                    + "\(revoked.count == 1 ? "its URL no longer works" : "their URLs no longer work").")
        }
    }
}
