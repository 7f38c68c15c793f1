import Foundation
import ICalendar
import RhythmConfig
import RhythmCore
import RhythmFeeds
import RhythmStore

/// Every feed of one loaded configuration, ready to render: the command line's `rhythm ics`
/// and the HTTP server both go through it, so they produce the same bytes.
public struct FeedCatalog: Sendable {
    public let initiative: Initiative
    /// Where partners reach the service; links in feeds start with it.
    public let baseURL: String
    private let builder: FeedBuilder
    private let revisions: [String: FeedRevision]
    /// When the catalog was made; the Last-Modified of a feed that holds no series.
    public let publishedAt: Date

    /// Records each series' fingerprint in the store, which raises its SEQUENCE when its
    /// meaning changed since the last publication, and prepares the feeds.
    public static func publish(
        _ configuration: LoadedConfiguration, store: AppDatabase, now: Date
    ) throws(StoreError) -> FeedCatalog {
        let builder = FeedBuilder(initiative: configuration.initiative, settings: configuration.feeds)
        let publications = try store.recordPublications(builder.fingerprints(), now: now)
        let revisions = publications.mapValues {
            FeedRevision(sequence: $0.sequence, created: $0.createdAt, lastModified: $0.lastModifiedAt)
        }
        return FeedCatalog(
            initiative: configuration.initiative, baseURL: configuration.service.baseURL, builder: builder,
            revisions: revisions, publishedAt: now)
    }

    /// Each series' SEQUENCE as `publish` would record it, without recording anything: the
    /// stored one, one higher when the series' fingerprint changed, 0 for a new series.
    public static func sequencesToPublish(
        _ configuration: LoadedConfiguration, store: AppDatabase
    ) throws(StoreError) -> [String: Int] {
        let published = try store.publicationStates()
        let builder = FeedBuilder(initiative: configuration.initiative, settings: configuration.feeds)
        return builder.fingerprints().reduce(into: [:]) { sequences, entry in
            let (seriesID, fingerprint) = entry
            guard let state = published[seriesID] else { return sequences[seriesID] = 0 }
            sequences[seriesID] = state.fingerprint == fingerprint ? state.sequence : state.sequence + 1
        }
    }

    private init(
        initiative: Initiative, baseURL: String, builder: FeedBuilder, revisions: [String: FeedRevision],
        publishedAt: Date
    ) {
        self.initiative = initiative
        self.baseURL = baseURL
        self.builder = builder
        self.revisions = revisions
        self.publishedAt = publishedAt
    }

    /// The agenda page of `occurrence` under the private feed token `token`: the link a
    /// private feed read through that token carries in its next meetings' descriptions.
    public func agendaLink(token: String, for occurrence: Occurrence) -> URL? {
        URL(string: "\(baseURL)/agenda/\(token)/\(occurrence.series.id)/\(occurrence.originalStart.date)")
    }

    /// Each published series' SEQUENCE, by series id: invitations follow it.
    public var sequences: [String: Int] { revisions.mapValues(\.sequence) }

    /// The feed's bytes and the last time anything in it changed; nil when its subject is
    /// no longer in the configuration. `notes` (by series id) carry the next agendas.
    public func render(
        _ audience: FeedAudience, now: Date, notes: [String: OccurrenceNote] = [:]
    ) -> (body: Data, lastModified: Date)? {
        guard audience.exists(in: initiative) else { return nil }
        let calendar = builder.calendar(for: audience, revisions: revisions, now: now, notes: notes)
        let included = audience.series(in: initiative).compactMap { revisions[$0.id]?.lastModified }
        return (calendar.serializedData(), included.max() ?? publishedAt)
    }
}

extension FeedAudience {
    /// The audience a feed token was issued for.
    public init(_ subject: FeedSubject) {
        switch subject {
        case .partner(let id): self = .partner(id)
        case .person(let id): self = .person(id)
        case .group(let id): self = .group(id)
        }
    }

    /// `public`, `partner:ID`, `person:ID` or `group:ID`: the form `init(parsing:)` reads.
    public var key: String {
        switch self {
        case .everyone: "public"
        case .partner(let id): FeedSubject.partner(id).description
        case .person(let id): FeedSubject.person(id).description
        case .group(let id): FeedSubject.group(id).description
        }
    }

    /// Reads `public`, `partner:ID`, `person:ID` or `group:ID`.
    public init?(parsing text: String) {
        if text == "public" {
            self = .everyone
        } else if let subject = FeedSubject(parsing: text) {
            self.init(subject)
        } else {
            return nil
        }
    }
}
