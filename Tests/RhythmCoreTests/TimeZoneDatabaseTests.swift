import Foundation
import Testing

@testable import RhythmCore

/// Every zone name of the system's time-zone database opens, canonical names and links alike.
@Suite struct TimeZoneDatabaseTests {
    @Test("India's current name opens, although Foundation on Linux lists only Asia/Calcutta")
    func kolkata() throws {
        let zone = try #require(TimeZoneDatabase.system.zone(named: "Asia/Kolkata"))
        #expect(zone.secondsFromGMT(for: Date(timeIntervalSince1970: 1_800_000_000)) == 19_800)
        #expect(TimeZone.named("Asia/Kolkata") != nil)
    }

    @Test("the database holds hundreds of names, links included, and refuses other words")
    func names() {
        let database = TimeZoneDatabase.system
        #expect(database.names.count > 500)
        for name in ["UTC", "Etc/GMT+5", "Europe/Kyiv", "Europe/Kiev", "US/Eastern", "Australia/Melbourne"] {
            #expect(database.contains(name), "\(name)")
        }
        for name in ["AEST", "australia/melbourne", "Mars/Olympus_Mons", ""] {
            #expect(!database.contains(name), "\(name)")
            #expect(database.zone(named: name) == nil, "\(name)")
        }
    }

    @Test("every name of the system database opens as a zone in which a year of meetings expands")
    func everyNameOpens() throws {
        for name in TimeZoneDatabase.system.names {
            let zone = try #require(TimeZoneDatabase.system.zone(named: name), "\(name)")
            // A year's worth of expansion in the zone resolves every reading to an instant.
            let start = try #require(LocalDateTime(iso: "2027-01-04T09:00"))
            let rule = try RecurrenceRule(parsing: "FREQ=WEEKLY;COUNT=53")
            let instants = rule.occurrences(from: start, in: zone).map { zone.instant(for: $0) }
            #expect(instants.count == 53, "\(name)")
            #expect(zip(instants, instants.dropFirst()).allSatisfy { $0 < $1 }, "\(name)")
        }
    }

    @Test("a directory without tzdata.zi is read from its compiled zone files")
    func compiledFiles() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("zones-\(UUID())")
        try FileManager.default.createDirectory(
            at: directory.appendingPathComponent("Asia"), withIntermediateDirectories: true)
        try Data(contentsOf: URL(fileURLWithPath: "/usr/share/zoneinfo/Asia/Kolkata"))
            .write(to: directory.appendingPathComponent("Asia/Kolkata"))
        try Data("not a zone".utf8).write(to: directory.appendingPathComponent("README"))
        let database = TimeZoneDatabase(directory: directory.path)
        #expect(database.contains("Asia/Kolkata"))
        #expect(!database.contains("README"))
        #expect(database.zone(named: "Asia/Kolkata") != nil)
    }
}
