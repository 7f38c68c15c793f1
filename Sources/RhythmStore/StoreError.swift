/// Why the store could not do what was asked, in words a person can act on.
///
/// The one public error type of `RhythmStore`. The `description` names the file and what to
/// do; it never holds SQL arguments, tokens or their hashes, so it is safe to print and log.
public struct StoreError: Error, CustomStringConvertible, Sendable {
    /// A stable identifier for logs, metrics and exit codes. New codes may be added without
    /// breaking callers, which is why this is a struct and not an enum.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        /// The kebab-case name, such as `newer-database`.
        public let description: String

        /// The directory meant to hold the database file does not exist.
        public static let missingDirectory = Code(description: "missing-directory")
        /// SQLite could not open or create the file (permissions, not a database, ...).
        public static let cannotOpen = Code(description: "cannot-open")
        /// The file was migrated by a newer Rhythm; this one refuses to touch it.
        public static let newerDatabase = Code(description: "newer-database")
        /// SQLite's integrity check found the file damaged.
        public static let damagedDatabase = Code(description: "damaged-database")
        /// A read or write failed after the database was opened.
        public static let databaseFailure = Code(description: "database-failure")
        /// A value the store refuses to keep, such as an empty title or a zero duration.
        public static let invalidValue = Code(description: "invalid-value")
        /// A reorder that cannot be followed: a position outside the agenda, an item that is
        /// not on the meeting's agenda, or a withdrawn item asked to move.
        public static let invalidPlacement = Code(description: "invalid-placement")
    }

    /// What kind of failure this is.
    public let code: Code
    /// What went wrong, where, and what to do about it.
    public let description: String

    /// Creates an error; the store makes these, tests compare them.
    public init(code: Code, description: String) {
        self.code = code
        self.description = description
    }
}
