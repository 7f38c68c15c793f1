import Foundation
import RhythmCore
import Yams

/// Builds an `Initiative` from the composed document, section by section, reporting every
/// mistake to the log and skipping only the entry it spoils.
///
/// Ids are registered as soon as they are read, even when the rest of the entry is broken,
/// so that one mistake does not make every reference to that entry look wrong too.
/// References are checked once all sections have been read, because they point both ways
/// (a group names its chat channel, which is defined further down).
///
/// An optional key is read as `Value??`: nil when the key is absent, `.some(nil)` when it is
/// present but its value is wrong (already reported), so an entry is only built when every
/// key it has was read successfully.
final class ConfigurationDecoder {
    let log: DiagnosticLog
    /// Duplicate keys not yet reported under the path of their mapping.
    private var duplicateKeys: [Position: YAMLDocument.DuplicateKey]
    /// Each section's ids, with where each was first defined.
    private var ids: [ReferenceKind: [String: Position?]] = [:]
    private var references: [(kind: ReferenceKind, id: String, value: ConfigValue)] = []
    /// Reads secrets the file points at, for the checks that need their value; see `ConfigurationLoader`.
    let secretLookup: ConfigurationLoader.SecretLookup?

    init(
        log: DiagnosticLog, duplicateKeys: [Position: YAMLDocument.DuplicateKey],
        secretLookup: ConfigurationLoader.SecretLookup? = nil
    ) {
        self.log = log
        self.duplicateKeys = duplicateKeys
        self.secretLookup = secretLookup
    }

    static let sections = [
        "initiative", "partners", "people", "groups", "holidays", "series", "indicators", "channels", "reminders",
        "service", "feeds",
    ]

    /// Everything a valid file defines.
    struct Decoded {
        var initiative: Initiative
        var service: ServiceSettings
        var feeds: FeedSettings
    }

    func decode(_ root: Node) -> Decoded? {
        defer {
            // Duplicates inside values the decoder never walked (a broken entry, an unknown key).
            for (position, duplicate) in duplicateKeys {
                log.error(duplicate.message, at: position, path: ConfigPath())
            }
        }
        let document = ConfigValue(node: root, path: ConfigPath())
        guard let fields = fields(of: document, allowed: Self.sections) else { return nil }
        let settings = fields.required("initiative", "the initiative's name, time zone and domain").flatMap(
            initiativeSettings)
        let defaultZone = settings?.timeZone ?? TimeZone(identifier: "UTC") ?? .current
        let partners = entries(fields, "partners", decodePartner)
        let people = entries(fields, "people") { decodePerson($0, defaultZone: defaultZone) }
        let groups = entries(fields, "groups", decodeGroup)
        let holidays = entries(fields, "holidays", decodeHoliday)
        let series = entries(fields, "series") { decodeSeries($0, defaultZone: defaultZone) }
        let indicators = entries(fields, "indicators", decodeIndicator)
        let channels = entries(fields, "channels", decodeChannel)
        let reminders = entries(fields, "reminders", decodeReminder)
        let service = serviceSettings(fields.optional("service"))
        let feeds = feedSettings(fields.optional("feeds"))
        checkReferences()
        let initiative = Initiative(
            name: settings?.name ?? "", timeZone: defaultZone, domain: settings?.domain ?? "",
            partners: partners, people: people, groups: groups, holidays: holidays, series: series,
            indicators: indicators, channels: channels, reminderRules: reminders, quietHours: settings?.quietHours
        )
        let entries = SectionEntries(fields, sections: Self.sections)
        checkQuorums(of: initiative, entries: entries)
        warnAboutLikelyMistakes(in: initiative, entries: entries)
        guard settings != nil, let service, let feeds else { return nil }
        return Decoded(initiative: initiative, service: service, feeds: feeds)
    }

    // MARK: Structure

    /// The keys of a mapping, or nil (reported) when the value is not a mapping.
    func fields(of value: ConfigValue, allowed: [String], forbidden: [String: String] = [:]) -> MappingFields? {
        guard let pairs = value.node.mapping else {
            log.error(
                "expected a mapping (key: value lines such as \"\(allowed.first ?? "name"): ...\"), found \(value.kindDescription)",
                at: value.mark, path: value.path)
            return nil
        }
        let fields = MappingFields(
            value, pairs: pairs, allowed: allowed, forbidden: forbidden, duplicateKeys: duplicateKeys, log: log)
        for position in fields.reportedDuplicates {
            duplicateKeys[position] = nil
        }
        return fields
    }

    /// The items of a list, or nil (reported) when the value is not a list.
    func list(_ value: ConfigValue, of noun: String) -> [ConfigValue]? {
        guard let sequence = value.node.sequence else {
            if value.isNull { return [] }
            log.error(
                "expected a list of \(noun) (lines starting with \"- \", or [a, b]), found \(value.kindDescription)",
                at: value.mark, path: value.path)
            return nil
        }
        return sequence.enumerated().map { ConfigValue(node: $1, path: value.path.appending(index: $0)) }
    }

    /// Decodes each entry of a top-level section, dropping the entries that fail.
    private func entries<Entry>(
        _ fields: MappingFields, _ section: String, _ decode: (ConfigValue) -> Entry?
    ) -> [Entry] {
        guard let value = fields.optional(section), let items = list(value, of: "\(section) entries") else { return [] }
        return items.compactMap(decode)
    }

    // MARK: Ids and references

    /// Reads an entry's `id`, checks its form and that it is new in `kind`'s section.
    /// Returns nil (reported) for an id the entry cannot be kept under.
    func identifier(_ fields: MappingFields, kind: ReferenceKind) -> String? {
        guard let value = fields.required("id", "a short name other entries use to refer to this one"),
            let id = text(value)
        else { return nil }
        if let problem = Identifier.check(id) {
            log.error(problem.message, at: value.mark, path: value.path, columnOffset: problem.offset)
            return nil
        }
        if let first = ids[kind]?[id] {
            let whereFirst =
                first == value.mark
                ? " by an earlier entry that this one repeats through a YAML alias"
                : first.map { " on line \($0.line)" } ?? ""
            log.error(
                "the \(kind.noun) id \"\(id)\" is already used\(whereFirst); each \(kind.noun) needs its own id",
                at: value.mark, path: value.path)
            return nil
        }
        ids[kind, default: [:]][id] = value.mark
        return id
    }

    /// Reads an id that refers to an entry of `kind`; whether it exists is checked later.
    func reference(_ value: ConfigValue, to kind: ReferenceKind) -> String? {
        guard let id = text(value) else { return nil }
        references.append((kind, id, value))
        return id
    }

    /// Reads a list of references to entries of `kind`.
    func references(_ value: ConfigValue, to kind: ReferenceKind) -> [String] {
        guard let items = list(value, of: "\(kind.section) ids") else { return [] }
        var seen: Set<String> = []
        return items.compactMap { item in
            guard let id = reference(item, to: kind) else { return nil }
            if !seen.insert(id).inserted {
                log.warning("\"\(id)\" is listed twice; once is enough", at: item.mark, path: item.path)
            }
            return id
        }
    }

    func isDefined(_ id: String, as kind: ReferenceKind) -> Bool { ids[kind]?[id] != nil }

    private func checkReferences() {
        for (kind, id, value) in references where !isDefined(id, as: kind) {
            let known = ids[kind].map { Array($0.keys).sorted() } ?? []
            let hint: String
            if let match = Suggestion.closest(to: id, in: known) {
                hint = "; did you mean \"\(match)\"?"
            } else if known.isEmpty {
                hint = "; the \(kind.section) section defines none"
            } else if known.count <= 10 {
                hint = "; the \(kind.section) defined are \(known.joined(separator: ", "))"
            } else {
                hint = "; add it under \(kind.section):, or use one of the ids defined there"
            }
            log.error("there is no \(kind.noun) with the id \"\(id)\"\(hint)", at: value.mark, path: value.path)
        }
    }
}
