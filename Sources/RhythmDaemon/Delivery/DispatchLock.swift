import Foundation

/// An exclusive lock beside the database that only one dispatcher (or, with
/// ``acquireInboxes(forDatabaseAt:)``, one reader of the organiser mailboxes) holds at a time.
///
/// Only the holder may put entries a crash left `sending` back to pending, because only then
/// is nobody else sending them. The kernel releases the lock when its process ends, however it
/// ends (SIGKILL included), so a crashed dispatcher never blocks the next one.
public final class DispatchLock: Sendable {
    /// The lock file's path.
    public let path: String
    private let descriptor: Int32

    private init(path: String, descriptor: Int32) {
        self.path = path
        self.descriptor = descriptor
    }

    /// Takes the lock for the database at `databasePath`; nil when another process holds it.
    /// Throws when the lock file cannot be created.
    public static func acquire(forDatabaseAt databasePath: String) throws -> DispatchLock? {
        try acquire(path: databasePath + ".dispatch-lock", holder: "dispatcher")
    }

    /// Takes the lock that lets one process at a time read the organiser mailboxes of the
    /// database at `databasePath` (the service between polls, or `rhythm inbox --once`), so a
    /// message is never applied by two readers at once.
    public static func acquireInboxes(forDatabaseAt databasePath: String) throws -> DispatchLock? {
        try acquire(path: databasePath + ".inbox-lock", holder: "inbox reader")
    }

    private static func acquire(path: String, holder: String) throws -> DispatchLock? {
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw DispatchLockError(
                description: "cannot create the \(holder)'s lock file \(path): \(String(cString: strerror(errno)))")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            return nil
        }
        return DispatchLock(path: path, descriptor: descriptor)
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}

/// The lock file could not be created.
public struct DispatchLockError: Error, CustomStringConvertible, Sendable {
    public let description: String
}
