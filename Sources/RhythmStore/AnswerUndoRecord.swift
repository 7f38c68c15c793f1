import Foundation

/// One answer given on an answer page, kept so that it can be undone for a while.
///
/// The store keeps `change` as the page wrote it (a small JSON document saying what the
/// answer replaced); only the answer pages read it.
public struct AnswerUndoRecord: Hashable, Sendable {
    public let id: Int64
    /// A random name for the undo button, so that the form names no row number.
    public let publicID: String
    /// The link the answer was given through; only that link can undo it.
    public let linkID: Int64
    public let personID: String
    /// What the answer did, in words, for the result page.
    public let summary: String
    /// What the answer replaced, as the answer pages encoded it.
    public let change: String
    public let createdAt: Date
    /// When the answer was undone; nil while it stands.
    public let undoneAt: Date?

    /// Describes a record; the store makes these, tests may compare them.
    public init(
        id: Int64, publicID: String, linkID: Int64, personID: String, summary: String, change: String,
        createdAt: Date, undoneAt: Date?
    ) {
        self.id = id
        self.publicID = publicID
        self.linkID = linkID
        self.personID = personID
        self.summary = summary
        self.change = change
        self.createdAt = createdAt
        self.undoneAt = undoneAt
    }
}
