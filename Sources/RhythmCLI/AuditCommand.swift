import ArgumentParser
import Foundation
import RhythmConfig
import RhythmCore
import RhythmStore

/// `rhythm audit`: who changed which action, agenda item or indicator value, and how.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "List the audit trail of changes, newest first.",
        discussion: """
            Every change to an action, an agenda item, an indicator value, an answer for a \
            meeting (attendance) or a reminder opt-out is recorded with who made it \
            (cli:<user> on the command line, with the person who ran sudo when it ran \
            through sudo, as in cli:rhythm (sudo: alice); api:<token> through the API; \
            person:<id> (link) through an answer link), when, and the old and new value of \
            each changed field.

            Examples:
              rhythm audit --limit 50
              rhythm audit --entity action --id 12
              rhythm audit --entity attendance
              rhythm audit --format json
            """
    )

    /// The kinds of record the trail covers.
    enum Entity: String, ExpressibleByArgument, CaseIterable {
        case action
        case agendaItem = "agenda-item"
        case indicatorResult = "indicator-result"
        case attendance
        case reminderOptOut = "reminder-opt-out"
        case minutes
        case occurrenceChange = "occurrence-change"
        case consoleSession = "console-session"
    }

    @OptionGroup var options: RhythmOptions

    @Option(
        help: ArgumentHelp(
            "action, agenda-item, indicator-result, attendance, reminder-opt-out, minutes, occurrence-change or "
                + "console-session.",
            valueName: "entity"))
    var entity: Entity?

    @Option(help: ArgumentHelp("Only changes to the record with this number.", valueName: "n"))
    var id: Int64?

    @Option(help: ArgumentHelp("At most this many entries.", valueName: "n"))
    var limit = 20

    @Option(help: ArgumentHelp("text or json.", valueName: "format"))
    var format: OutputFormat = .text

    func validate() throws {
        guard limit >= 1 else { throw ValidationError("--limit must be at least 1; found \(limit).") }
    }

    func run() throws {
        let loaded = try options.load()
        let initiative = loaded.initiative
        let store = try options.openDatabase(for: loaded)
        let entries = try DatabaseOptions.checked { () throws(StoreError) in
            try store.auditEntries(entity: entity?.rawValue, entityID: id, limit: limit)
        }
        switch format {
        case .text:
            print(Self.text(entries, initiative: initiative))
        case .json:
            print(try JSONOutput.encoded(AuditJSON(entries: entries.map(AuditJSON.Entry.init))))
        }
    }

    static func text(_ entries: [AuditEntry], initiative: Initiative) -> String {
        guard !entries.isEmpty else { return "No changes recorded." }
        let zone = initiative.timeZone
        let rows = entries.map { entry in
            let local = zone.wallClock(at: entry.at)
            return [
                "\(local.date) \(OccurrenceText.hourMinute(local.time.truncatedToMinutes))", entry.actor,
                "\(entry.entity) #\(entry.entityID)", entry.change, changes(entry.details),
            ]
        }
        let lines = TextTable.lines(header: ["WHEN", "WHO", "WHAT", "CHANGE", "FIELDS"], rows: rows)
        return (["Times in \(zone.identifier)", ""] + lines).joined(separator: "\n")
    }

    /// `due: 2027-03-01 → none; status: open → done` from the JSON details.
    static func changes(_ details: String) -> String {
        guard let object = try? JSONSerialization.jsonObject(with: Data(details.utf8)) as? [String: Any] else {
            return details
        }
        return object.keys.sorted().map { key in
            let change = object[key] as? [String: Any]
            return "\(key): \(value(change?["old"])) → \(value(change?["new"]))"
        }.joined(separator: "; ")
    }

    private static func value(_ any: Any?) -> String {
        switch any {
        case nil, is NSNull: "none"
        case let text as String: text.count > 40 ? "\"\(text.prefix(37))...\"" : "\"\(text)\""
        case let number as Int: String(number)
        case let number as Double: IndicatorRecordCommand.number(number)
        case let other?: "\(other)"
        }
    }
}

/// The JSON form of `rhythm audit`; `details` is the stored object itself, not a string.
struct AuditJSON: Encodable {
    struct Entry: Encodable {
        let id: Int64
        let at: String
        let actor: String
        let entity: String
        let entityId: Int64
        let change: String
        let details: RawJSON

        init(_ entry: AuditEntry) {
            id = entry.id
            at = ISO8601Format.utc(entry.at)
            actor = entry.actor
            entity = entry.entity
            entityId = entry.entityID
            change = entry.change
            details = RawJSON(text: entry.details)
        }
    }

    let entries: [Entry]
}

/// A JSON text embedded as a value, decoded once so that the encoder writes it as JSON.
struct RawJSON: Encodable {
    let text: String

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        let data = Data(text.utf8)
        let object = try? JSONDecoder().decode([String: Change].self, from: data)
        try container.encode(object ?? [:])
    }

    /// One field's change.
    struct Change: Codable {
        let old: Value
        let new: Value
    }

    /// A field's value: text, a number or null.
    enum Value: Codable {
        case null
        case text(String)
        case number(Double)

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                self = .null
            } else if let number = try? container.decode(Double.self) {
                self = .number(number)
            } else {
                self = .text(try container.decode(String.self))
            }
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .null: try container.encodeNil()
            case .text(let text): try container.encode(text)
            case .number(let number): try container.encode(number)
            }
        }
    }
}
