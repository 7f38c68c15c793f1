import Yams

/// The entries of the file's list sections (`people:`, `series:`, ...) by id, so that a check
/// across sections can place what it finds at a key of the entry it is about.
///
/// Built once for a load: finding each entry by walking its section again made checking a
/// file with thousands of series quadratic in their number.
struct SectionEntries {
    private struct Entry {
        let index: Int
        let pairs: Node.Mapping
    }

    private struct Section {
        let path: ConfigPath
        /// The entries with each id, in the order they are written.
        var entries: [String: [Entry]] = [:]
    }

    private var sections: [String: Section] = [:]

    /// Indexes the entries of each of `names` that `fields` holds as a list.
    init(_ fields: MappingFields, sections names: [String]) {
        for name in names {
            guard let value = fields.optional(name), let items = value.node.sequence else { continue }
            var section = Section(path: value.path)
            for (index, item) in items.enumerated() {
                guard let pairs = item.mapping, let id = pairs.value(forKey: "id")?.string else { continue }
                section.entries[id, default: []].append(Entry(index: index, pairs: pairs))
            }
            sections[name] = section
        }
    }

    /// The value of `key` in the first entry of `section` with `id` that has that key.
    func value(in section: String, id: String, key: String) -> ConfigValue? {
        guard let section = sections[section] else { return nil }
        for entry in section.entries[id] ?? [] {
            guard let node = entry.pairs.value(forKey: key) else { continue }
            return ConfigValue(node: node, path: section.path.appending(index: entry.index).appending(key))
        }
        return nil
    }
}
