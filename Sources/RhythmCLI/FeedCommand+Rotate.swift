import ArgumentParser
import Foundation
import RhythmConfig
import RhythmCore
import RhythmStore

extension FeedCommand {
    /// `rhythm feed rotate`: a new feed URL for a subject; the old one stops working.
    struct Rotate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rotate",
            abstract: "Issue a new private feed URL for a subject and revoke its old one.",
            discussion: """
                Prints the new URL on standard output, once: Rhythm keeps only a hash of its \
                token. Any URL the subject had stops working at the same moment. The subject \
                must exist in the configuration.

                Example:
                  rhythm feed rotate group:attendance-wg --base-url https://rhythm.example.org
                """
        )

        @OptionGroup var options: RhythmOptions

        @Option(
            help: ArgumentHelp(
                "The public address of the Rhythm server, which feed URLs start with.",
                discussion: "Defaults to service.public_url in the configuration, then its listening address.",
                valueName: "url"))
        var baseURL: String?

        @Argument(help: ArgumentHelp("partner:ID, person:ID or group:ID.", valueName: "subject"))
        var subject: String

        func validate() throws {
            _ = try FeedCommand.subject(parsing: subject, for: "SUBJECT")
            try baseURL.map(BaseURLArgument.check)
        }

        func run() throws {
            let loaded = try options.load()
            let initiative = loaded.initiative
            let subject = try FeedCommand.subject(parsing: subject, for: "SUBJECT")
            guard let name = initiative.name(of: subject) else {
                throw ValidationError(
                    UpcomingQuery.unknown(subject.kind.rawValue, subject.id, among: initiative.ids(of: subject.kind)))
            }
            let store = try options.openDatabase(for: loaded)
            let issued = try DatabaseOptions.checked { () throws(StoreError) in
                try store.rotateFeedToken(for: subject, now: Date())
            }
            print(FeedURL.text(base: baseURL ?? loaded.service.baseURL, token: issued.token))
            StandardError.print(
                "Issued feed token \(issued.record.publicID) for \(name) (\(subject)). "
                    + "The URL is shown only this once: Rhythm keeps only a hash of it.")
            if !issued.replaced.isEmpty {
                let ids = issued.replaced.map(\.publicID).joined(separator: ", ")
                let old = issued.replaced.count == 1 ? "URL stops" : "URLs stop"
                StandardError.print(
                    "warning: the old \(old) working now (\(ids)); give the new one to everyone who subscribed.")
            }
        }
    }
}

/// The address a calendar subscribes to.
enum FeedURL {
    /// `<base>/feeds/<token>.ics`, with no doubled slash whatever the base ends with.
    static func text(base: String, token: String) -> String {
        "\(BaseURLArgument.trimmed(base))/feeds/\(token).ics"
    }
}
