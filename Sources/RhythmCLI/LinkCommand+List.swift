import ArgumentParser
import Foundation
import RhythmConfig
import RhythmCore
import RhythmStore

extension LinkCommand {
    /// `rhythm link list`: every answer link, without its secret.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List the answer links.",
            discussion: """
                Shows each link's public id, person, purpose and subject (page; attendance or \
                agenda-item SERIES/DATE; action ID; indicator ID/PERIOD; opt-out RULE), and \
                when it was created, expires, was revoked and was last used to answer (to the \
                minute), in the initiative's time zone, oldest first. An action's link has no \
                expiry of its own: it stops working service.answer_links.after_subject after \
                the action is closed. Never shows a secret.

                Examples:
                  rhythm link list
                  rhythm link list --person amara-okafor --format json
                """
        )

        @OptionGroup var options: RhythmOptions

        @Option(help: ArgumentHelp("Only this person's links.", valueName: "person-id"))
        var person: String?

        @Option(help: ArgumentHelp("text or json.", valueName: "format"))
        var format: OutputFormat = .text

        func run() throws {
            let loaded = try options.load()
            let store = try options.openDatabase(for: loaded)
            let links = try DatabaseOptions.checked { () throws(StoreError) in
                try store.answerLinks(personID: person)
            }
            let list = LinkList(initiative: loaded.initiative, links: links, now: Date())
            switch format {
            case .text:
                print(list.text(path: options.databaseLocation(for: loaded).path, person: person))
            case .json:
                print(try JSONOutput.encoded(list.json))
            }
        }
    }
}

/// `rhythm link list`'s two forms: aligned rows for people, stable keys for scripts.
struct LinkList {
    let initiative: Initiative
    let links: [AnswerLinkRecord]
    let now: Date

    func text(path: String, person: String?) -> String {
        guard !links.isEmpty else {
            let whose = person.map { " of \($0)" } ?? ""
            return "No answer links\(whose) in \(path). Issue a page link with `rhythm link person ID`."
        }
        let active = links.filter { $0.isActive(at: now) }.count
        let header = ["ID", "PERSON", "PURPOSE", "SUBJECT", "CREATED", "EXPIRES", "REVOKED", "LAST USED"]
        let rows = links.map { link in
            [
                link.publicID, link.personID, link.subject.purpose.rawValue,
                link.subject.subjectText.isEmpty ? "-" : link.subject.subjectText, time(link.createdAt),
                link.expiresAt.map(time) ?? "-", link.revokedAt.map(time) ?? "-", link.lastUsedAt.map(time) ?? "never",
            ]
        }
        let summary =
            "\(Plural.phrase(links.count, "answer link")) in \(path), \(active) active; "
            + "times in \(initiative.timeZone.identifier)"
        return ([summary, ""] + TextTable.lines(header: header, rows: rows)).joined(separator: "\n")
    }

    var json: LinkListJSON {
        LinkListJSON(
            links: links.map { link in
                LinkListJSON.Entry(
                    publicId: link.publicID, personId: link.personID,
                    personName: initiative.people.first { $0.id == link.personID }?.name,
                    purpose: link.subject.purpose.rawValue,
                    subject: link.subject.subjectText.isEmpty ? nil : link.subject.subjectText,
                    active: link.isActive(at: now), createdAt: ISO8601Format.utc(link.createdAt),
                    expiresAt: link.expiresAt.map(ISO8601Format.utc), revokedAt: link.revokedAt.map(ISO8601Format.utc),
                    lastUsedAt: link.lastUsedAt.map(ISO8601Format.utc))
            })
    }

    /// `2026-11-24 23:50`, on the initiative's clocks.
    private func time(_ instant: Date) -> String {
        let local = initiative.timeZone.wallClock(at: instant)
        return "\(local.date) \(OccurrenceText.hourMinute(local.time.truncatedToMinutes))"
    }
}

/// The JSON form of `rhythm link list`: UTC times, no secrets.
struct LinkListJSON: Encodable {
    struct Entry: Encodable {
        let publicId: String
        let personId: String
        /// The person's name in the configuration; null when they are no longer there.
        let personName: String?
        let purpose: String
        /// Null for a page link.
        let subject: String?
        /// Whether the link is neither revoked nor past its expiry now.
        let active: Bool
        let createdAt: String
        let expiresAt: String?
        let revokedAt: String?
        let lastUsedAt: String?
    }

    let links: [Entry]
}
