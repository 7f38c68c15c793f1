import Foundation
import RhythmStore

/// A fresh directory per test, removed when the test lets go of it, so every test starts
/// from a database file nobody else has touched.
final class TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("rhythm-store-tests-\(UUID())")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    /// The database file's path inside the directory.
    var databasePath: String { url.appendingPathComponent("rhythm.sqlite").path }

    /// Opens (and migrates) the database file in this directory.
    func open() throws -> AppDatabase {
        try AppDatabase.open(path: databasePath)
    }

    /// The bytes of the database and its WAL, where anything written is to be found.
    func databaseBytes() throws -> Data {
        try ["", "-wal"].reduce(into: Data()) { bytes, suffix in
            let path = databasePath + suffix
            if FileManager.default.fileExists(atPath: path) {
                bytes.append(try Data(contentsOf: URL(fileURLWithPath: path)))
            }
        }
    }
}

extension Date {
    /// A whole-second instant, since the store keeps milliseconds.
    static let reference = Date(timeIntervalSince1970: 1_796_000_000)
}
