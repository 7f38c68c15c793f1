import ArgumentParser
import Foundation
import RhythmConfig
import RhythmCore
import RhythmStore

extension PersonCommand {
    /// `rhythm person list`: each person of the configuration with their address and whether
    /// mail to it bounces.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List the people with their e-mail address and its bounce state.")

        @OptionGroup var options: RhythmOptions

        func run() throws {
            let loaded = try options.load()
            let store = try options.openDatabase(for: loaded)
            let zone = loaded.initiative.timeZone
            let rows = try DatabaseOptions.checked { () throws(StoreError) -> [[String]] in
                var rows: [[String]] = []
                for person in loaded.initiative.people {
                    let state = Self.state(try store.bounce(address: person.email), zone)
                    rows.append([person.id, person.name, person.email, state])
                }
                return rows
            }
            print(TextTable.lines(header: ["ID", "NAME", "E-MAIL", "STATE"], rows: rows).joined(separator: "\n"))
        }

        /// `bouncing since 2026-12-07T09:14:00+11:00 (5.1.1)`, `ok (2 temporary failures)`, `ok`.
        static func state(_ bounce: AddressBounce?, _ zone: TimeZone) -> String {
            guard let bounce else { return "ok" }
            if let since = bounce.bouncingSince {
                return "bouncing since \(zone.iso8601(since))" + (bounce.statusCode.map { " (\($0))" } ?? "")
            }
            var notes: [String] = []
            if bounce.temporaryFailures > 0 {
                notes.append(Plural.phrase(bounce.temporaryFailures, "temporary failure"))
            }
            if let cleared = bounce.clearedAt { notes.append("bounce cleared \(zone.iso8601(cleared))") }
            return notes.isEmpty ? "ok" : "ok (\(notes.joined(separator: "; ")))"
        }
    }
}
