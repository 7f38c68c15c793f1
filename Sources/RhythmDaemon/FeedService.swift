import Foundation
import NIOPosix
import RhythmAgenda
import RhythmCore
import RhythmFeeds
import RhythmServer
import RhythmStore
import Synchronization

/// Serves the feeds and agenda pages of the current configuration to the HTTP server.
///
/// The public feed is always there and names nobody. A private feed is found by hashing the
/// presented token and looking it up in the store on every request, so a revoked token
/// stops working at once; it carries the agenda of each series' next meeting, with a link
/// to the agenda page under the same token. Rendering is the server's cache's business;
/// this type says which feed a name means, renders it, and drops the cache when the hour
/// changed.
public final class FeedService: FeedProvider, AgendaPageProvider {
    /// What one loaded configuration serves.
    private struct Published {
        var catalog: FeedCatalog
        var agendas: AgendaService
    }

    /// The hour of the last feed request; every cached feed was rendered in it or before. A
    /// meeting that has passed hands "next meeting" to the one after, so a feed of an earlier
    /// hour may be stale. Changes to the configuration or the store drop the cache where they
    /// are made or noticed (``StoreChangeService``), not here.
    private let requestedHour = Mutex<Int?>(nil)

    private let store: AppDatabase
    private let cache: FeedCache
    private let published: Mutex<Published>

    public init(catalog: FeedCatalog, agendas: AgendaService, store: AppDatabase, cache: FeedCache) {
        self.store = store
        self.cache = cache
        self.published = Mutex(Published(catalog: catalog, agendas: agendas))
    }

    /// The initiative of the configuration being served; it changes on a reload.
    public var initiative: Initiative {
        published.withLock { $0 }.catalog.initiative
    }

    /// Serves `catalog` and `agendas` from now on; the caller invalidates the server's cache.
    public func replace(with catalog: FeedCatalog, agendas: AgendaService) {
        published.withLock { $0 = Published(catalog: catalog, agendas: agendas) }
    }

    public func feedKey(forName name: String) async throws -> String? {
        await dropFeedsOfPastHours(now: Date())
        if name == "public" { return name }
        guard let audience = try await audience(forToken: name) else { return nil }
        // The token is part of the key because the feed links to agenda pages under it.
        return "\(audience.key)/\(name)"
    }

    /// Renders on `NIOThreadPool`: expanding and writing a feed takes milliseconds per hundred
    /// series, which would hold a thread of Swift's cooperative pool that requests need.
    public func renderFeed(key: String) async throws -> FeedDocument? {
        let current = published.withLock { $0 }
        let now = Date()
        if key == "public" {
            return try await NIOThreadPool.singleton.runIfActive {
                current.catalog.render(.everyone, now: now).map(Self.document)
            }
        }
        guard let slash = key.firstIndex(of: "/"), let audience = FeedAudience(parsing: String(key[..<slash])) else {
            return nil
        }
        let token = String(key[key.index(after: slash)...])
        return try await NIOThreadPool.singleton.runIfActive {
            let notes = try current.agendas.notes(
                for: audience, initiative: current.catalog.initiative, now: now
            ) { occurrence in
                current.catalog.agendaLink(token: token, for: occurrence)
            }
            return current.catalog.render(audience, now: now, notes: notes).map(Self.document)
        }
    }

    /// The HTML agenda of the meeting of `seriesID` that `date` names (its original date, or
    /// the date it moved to), for the holder of a private feed token whose feed has that
    /// series; nil otherwise, whatever the reason.
    public func agendaPage(token: String, seriesID: String, date: String) async throws -> String? {
        guard let audience = try await audience(forToken: token), let date = LocalDate(iso: date) else { return nil }
        let current = published.withLock { $0 }
        let initiative = current.catalog.initiative
        guard let series = audience.series(in: initiative).first(where: { $0.id == seriesID }),
            let occurrence = Schedule(initiative: initiative).meeting(of: series, on: date).named,
            !occurrence.status.isSkipped
        else { return nil }
        let now = Date()
        let (agenda, minutes) = try await NIOThreadPool.singleton.runIfActive {
            (
                try current.agendas.agenda(for: occurrence, initiative: initiative, now: now),
                try current.agendas.publishedMinutes(of: occurrence, initiative: initiative)
            )
        }
        let page = current.agendas.renderer.render(agenda, format: .html)
        guard let minutes else { return page }
        return AgendaService.page(
            agendaHTML: page, minutesHTML: current.agendas.renderer.render(minutes, format: .html))
    }

    /// The private audience a token was issued for, if it is valid and its subject exists.
    private func audience(forToken token: String) async throws -> FeedAudience? {
        let store = self.store
        // SQLite calls block, so they run on NIO's thread pool, not on Swift's cooperative pool.
        let subject = try await NIOThreadPool.singleton.runIfActive {
            try store.feedSubject(forToken: token, now: Date())
        }
        guard let subject else { return nil }
        let audience = FeedAudience(subject)
        return audience.exists(in: initiative) ? audience : nil
    }

    private static func document(_ rendered: (body: Data, lastModified: Date)) -> FeedDocument {
        FeedDocument(body: [UInt8](rendered.body), lastModified: rendered.lastModified)
    }

    /// Drops every cached feed when the hour changed since the last request. Computed on
    /// request, so an idle service arms no timer for it.
    private func dropFeedsOfPastHours(now: Date) async {
        let hour = Int(now.timeIntervalSince1970 / 3600)
        let isStale = requestedHour.withLock { last in
            defer { last = hour }
            return last.map { $0 != hour } ?? false
        }
        if isStale {
            await cache.invalidateAll()
        }
    }
}
