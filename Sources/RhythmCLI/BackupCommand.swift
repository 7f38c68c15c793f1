import ArgumentParser
import Foundation
import RhythmStore

/// `rhythm backup FILE`: a consistent copy of the database while the service runs.
struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the database to a new file, safely, while the service keeps running.",
        discussion: """
            Uses SQLite's online backup API, so the copy is consistent even while the service \
            writes, then checks the copy's integrity. Never overwrites a file, and a backup \
            that fails leaves no file behind (the copy takes its name only once checked). To \
            restore: stop the service, copy the backup over the database file (owned by the \
            service's user), start the service.

            Example:
              rhythm backup /var/backups/rhythm/rhythm-$(date +%F).sqlite
            """
    )

    @OptionGroup var options: RhythmOptions

    @Argument(help: ArgumentHelp("The new file to write.", valueName: "file"))
    var file: String

    func run() throws {
        let location = try options.databaseLocation()
        let store = try options.open(location)
        try DatabaseOptions.checked { () throws(StoreError) in try store.backup(to: file) }
        let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
        print("Backed up \(location.path) to \(file) (\(size) bytes, integrity checked).")
    }
}
