import Foundation

/// The zone names of the system's time-zone database (IANA tzdata), canonical names and links.
///
/// Foundation's `TimeZone.knownTimeZoneIdentifiers` is not that list: on Linux it comes from
/// ICU's own, older data, which knows India only as `Asia/Calcutta` and leaves out `UTC`, the
/// `Etc/` zones and many links. People write the names their system and `timedatectl` show
/// (`Asia/Kolkata`, `Europe/Kyiv`), so Rhythm reads the database itself: `tzdata.zi` (one
/// `Z name` line per zone and one `L target name` line per link), or, where a system ships
/// no `tzdata.zi`, the tree of compiled zone files. A name Foundation cannot open is opened
/// through another name of the same zone.
public struct TimeZoneDatabase: Sendable {
    /// Every zone and link name, sorted.
    public let names: [String]
    /// Each link's target.
    private let links: [String: String]
    /// The other names of each canonical zone: its links.
    private let aliases: [String: [String]]

    /// The database of this system: `$TZDIR`, else `/usr/share/zoneinfo`.
    public static let system = TimeZoneDatabase(
        directory: ProcessInfo.processInfo.environment["TZDIR"] ?? "/usr/share/zoneinfo")

    /// Reads the database in `directory`; a system without one knows the zones Foundation
    /// does.
    public init(directory: String) {
        var links: [String: String] = [:]
        var zones = Set<String>()
        if let compact = FileManager.default.contents(atPath: directory + "/tzdata.zi") {
            (zones, links) = Self.zonesAndLinks(inCompactDatabase: [UInt8](compact))
        } else {
            zones = Self.compiledZoneNames(in: directory)
        }
        if zones.isEmpty {
            zones = Set(TimeZone.knownTimeZoneIdentifiers)
        }
        self.links = links
        names = (zones.union(links.keys)).sorted()
        aliases = Dictionary(grouping: links.keys) { links[$0] ?? $0 }
    }

    /// Whether `name` is a zone or link name of the database, written exactly.
    public func contains(_ name: String) -> Bool {
        links[name] != nil || binarySearch(name)
    }

    /// The zone with this exact name, opened by this name or, when Foundation does not know
    /// it, by another name of the same zone; nil for a name the database does not hold.
    public func zone(named name: String) -> TimeZone? {
        guard contains(name) else { return nil }
        let canonical = links[name] ?? name
        for candidate in [name, canonical] + (aliases[canonical] ?? []) {
            if let zone = TimeZone(identifier: candidate) { return zone }
        }
        return nil
    }

    private func binarySearch(_ name: String) -> Bool {
        var low = 0
        var high = names.count
        while low < high {
            let middle = (low + high) / 2
            if names[middle] < name { low = middle + 1 } else { high = middle }
        }
        return low < names.count && names[low] == name
    }

    /// The zone names (`Z name …` lines) and links (`L target name` lines) of a `tzdata.zi`.
    /// Read as bytes: the file's thousands of rule lines are passed over at their first byte,
    /// which keeps every command that reads a configuration quick to start.
    static func zonesAndLinks(inCompactDatabase bytes: [UInt8]) -> (zones: Set<String>, links: [String: String]) {
        let newline = UInt8(ascii: "\n")
        let space = UInt8(ascii: " ")
        var zones = Set<String>()
        var links: [String: String] = [:]
        var lineStart = 0
        while lineStart < bytes.count {
            let lineEnd = bytes[lineStart...].firstIndex(of: newline) ?? bytes.count
            defer { lineStart = lineEnd + 1 }
            let kind = bytes[lineStart]
            guard kind == UInt8(ascii: "Z") || kind == UInt8(ascii: "L"), lineStart + 1 < lineEnd,
                bytes[lineStart + 1] == space
            else { continue }
            let fields = bytes[(lineStart + 2)..<lineEnd].split(separator: space).prefix(2)
                .map { String(decoding: $0, as: UTF8.self) }
            if kind == UInt8(ascii: "Z"), let name = fields.first {
                zones.insert(name)
            } else if kind == UInt8(ascii: "L"), fields.count == 2 {
                links[fields[1]] = fields[0]
            }
        }
        return (zones, links)
    }

    /// The names of the compiled zone files (which start with the bytes `TZif`) under
    /// `directory`, leaving out the `posix/` and `right/` copies and the `localtime` link.
    private static func compiledZoneNames(in directory: String) -> Set<String> {
        guard let paths = FileManager.default.enumerator(atPath: directory) else { return [] }
        var names = Set<String>()
        while let path = paths.nextObject() as? String {
            if path.hasPrefix("posix") || path.hasPrefix("right") || path == "localtime" || path == "posixrules" {
                continue
            }
            guard let file = FileHandle(forReadingAtPath: directory + "/" + path) else { continue }
            defer { try? file.close() }
            if let magic = try? file.read(upToCount: 4), magic == Data("TZif".utf8) { names.insert(path) }
        }
        return names
    }
}
