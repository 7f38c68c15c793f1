import Foundation
import GRDB

extension AppDatabase {
    /// How many of SQLite's findings a message quotes; the rest are counted.
    private static let quotedFindings = 3

    /// Throws unless SQLite's `quick_check` finds the file sound: every page readable, every
    /// b-tree well formed. The service runs it before it starts, so that a damaged file stops
    /// it with a message instead of failing a write every few seconds.
    public func checkIntegrity() throws(StoreError) {
        let findings: [String]
        do {
            findings = try writer.read { db in try String.fetchAll(db, sql: "PRAGMA quick_check") }
        } catch {
            throw Self.damaged(writer.path, findings: [Self.sqliteMessage(error)])
        }
        guard findings == ["ok"] else { throw Self.damaged(writer.path, findings: findings) }
    }

    private static func damaged(_ path: String, findings: [String]) -> StoreError {
        var quoted = findings.prefix(quotedFindings).joined(separator: "; ")
        if findings.count > quotedFindings { quoted += " (and \(findings.count - quotedFindings) more)" }
        return StoreError(
            code: .damagedDatabase,
            description: "the database \(path) is damaged (SQLite's quick_check: \(quoted)); stop the service and "
                + "restore the latest backup, or save what can be read with `sqlite3 \(path) .recover`")
    }

    /// Copies the whole database to a new file at `path` with SQLite's online backup API, so
    /// the service can keep running, then checks the copy's integrity. Refuses to overwrite.
    ///
    /// The copy is written under a temporary name in the same directory and takes the name
    /// asked for only once it passed the check, so a failed backup leaves no file that looks
    /// like a good one; the temporary file is removed whatever happens.
    public func backup(to path: String) throws(StoreError) {
        guard !FileManager.default.fileExists(atPath: path) else {
            throw StoreError(
                code: .invalidValue, description: "\(path) already exists; choose a new file name for the backup")
        }
        let target = URL(fileURLWithPath: path)
        let partial = target.deletingLastPathComponent()
            .appendingPathComponent(".\(target.lastPathComponent).partial-\(UUID().uuidString)").path
        defer {
            for leftover in [partial, partial + "-journal"] { try? FileManager.default.removeItem(atPath: leftover) }
        }
        do {
            let destination = try DatabaseQueue(path: partial)
            try writer.backup(to: destination)
            let result = try destination.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
            try destination.close()
            guard result == ["ok"] else {
                throw StoreError(
                    code: .databaseFailure,
                    description: "the backup \(path) failed its integrity check, so it was not kept ("
                        + "\(result.prefix(Self.quotedFindings).joined(separator: "; "))): the database "
                        + "\(writer.path) is likely damaged; restore it from an earlier backup")
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(
                code: .databaseFailure,
                description: "could not write the backup \(path), so it was not kept: \(Self.sqliteMessage(error))")
        }
        // A hard link fails if the name was taken meanwhile, where a rename would replace the file.
        do {
            try FileManager.default.linkItem(atPath: partial, toPath: path)
        } catch {
            throw StoreError(
                code: .databaseFailure,
                description: "could not name the backup \(path): \(error.localizedDescription)")
        }
    }
}
