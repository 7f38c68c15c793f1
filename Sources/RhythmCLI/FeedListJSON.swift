import Foundation
import RhythmCore
import RhythmStore

/// The JSON form of `rhythm feed list`, for scripts: stable keys, UTC times, no secrets.
struct FeedListJSON: Encodable {
    struct Entry: Encodable {
        let publicId: String
        let subject: String
        let kind: String
        let id: String
        /// The subject's name in the configuration; null when it is no longer there.
        let name: String?
        let inConfiguration: Bool
        let active: Bool
        let createdAt: String
        let lastUsedAt: String?
        let revokedAt: String?
    }

    let tokens: [Entry]

    init(initiative: Initiative, tokens: [FeedTokenRecord]) {
        self.tokens = tokens.map { token in
            let name = initiative.name(of: token.subject)
            return Entry(
                publicId: token.publicID,
                subject: token.subject.description,
                kind: token.subject.kind.rawValue,
                id: token.subject.id,
                name: name,
                inConfiguration: name != nil,
                active: token.isActive,
                createdAt: ISO8601Format.utc(token.createdAt),
                lastUsedAt: token.lastUsedAt.map(ISO8601Format.utc),
                revokedAt: token.revokedAt.map(ISO8601Format.utc)
            )
        }
    }

    func encoded() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
