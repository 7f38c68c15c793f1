import Foundation
import RhythmStore

/// A fresh database file in a directory of its own, removed when the test lets go of it.
final class BounceTestStore {
    let directory: URL
    let database: AppDatabase

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("rhythm-bounce-tests-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        database = try AppDatabase.open(path: directory.appendingPathComponent("rhythm.sqlite").path)
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }
}
