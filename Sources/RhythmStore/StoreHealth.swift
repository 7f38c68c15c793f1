import Foundation
import Synchronization

/// Whether the database has been taking writes, as the service's own writes found out.
///
/// A test transaction (`BEGIN IMMEDIATE; ROLLBACK`) needs no free space and reads no damaged
/// page, so it cannot tell a full disk or a corrupt file from a healthy one; the writes the
/// dispatcher and the API really make can. Every ``AppDatabase`` write records its outcome
/// here: a storage failure (the disk full, an I/O error, a damaged file, a file that became
/// read-only) is kept until a later write succeeds. Reads that find the file damaged count
/// too. A refused value or a broken rule is the caller's mistake, not the storage's, and is
/// not recorded.
public final class StoreHealth: Sendable {
    /// A storage failure and when it happened.
    public struct Failure: Hashable, Sendable {
        /// When the failing read or write was made.
        public let at: Date
        /// What the store was doing and SQLite's message, never SQL arguments.
        public let message: String
    }

    private struct State {
        var failure: Failure?
        var lastSuccess: Date?
    }

    private let state = Mutex(State())

    /// A store that has seen neither a failure nor a write yet.
    public init() {}

    /// The storage failure no write has succeeded since; nil while the database is taking writes.
    public var unresolvedFailure: Failure? {
        state.withLock { $0.failure }
    }

    /// When a write last succeeded; nil before the first.
    public var lastSuccessfulWrite: Date? {
        state.withLock { $0.lastSuccess }
    }

    func recordSuccessfulWrite(at date: Date = Date()) {
        state.withLock { state in
            state.failure = nil
            state.lastSuccess = date
        }
    }

    func recordFailure(_ message: String, at date: Date = Date()) {
        state.withLock { $0.failure = Failure(at: date, message: message) }
    }
}
