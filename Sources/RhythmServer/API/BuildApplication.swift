import Hummingbird
import HummingbirdCore
import Logging

/// Builds the HTTP application: calendar feeds under /feeds and a liveness probe at /healthz.
///
/// The result is a `Service`: run it in the daemon's `ServiceGroup`. Everything it serves comes from
/// `feeds` through `cache`; the daemon keeps the cache so that it can call `invalidateAll()` when
/// the configuration or the store changes. `addRoutes` mounts more of Rhythm (the JSON API)
/// on the same router, after the feeds; `observer` hears of every answered request, and
/// `onServerRunning` is called once the socket listens. Connections are bounded in time and
/// number as ``BoundedHTTP1Channel`` and ``ConnectionGovernor`` explain.
public func buildApplication(
    configuration: ServerConfiguration,
    feeds: some FeedProvider,
    cache: FeedCache,
    logger: Logger,
    observer: (any RequestObserver)? = nil,
    onServerRunning: @escaping @Sendable () async -> Void = {},
    addRoutes: (Router<RhythmRequestContext>) -> Void = { _ in }
) -> some ApplicationProtocol {
    let router = Router(context: RhythmRequestContext.self)
    router.add(middleware: AccessLogMiddleware(observer: observer))
    router.add(middleware: FeedMethodMiddleware())
    router.get("/healthz") { _, _ in "ok" }
    FeedController(feeds: feeds, cache: cache, maxAge: configuration.feedMaxAge).addRoutes(to: router)
    addRoutes(router)
    let governor = ConnectionGovernor(maximumConnections: configuration.maximumConnections)
    let idleTimeout = configuration.idleTimeout
    return Application(
        router: router,
        server: HTTPServerBuilder { responder in
            BoundedHTTP1Channel(responder: responder, idleTimeout: idleTimeout, governor: governor)
        },
        configuration: .init(
            address: .hostname(configuration.host, port: configuration.port),
            serverName: configuration.serverName,
            availableConnectionsDelegate: governor.acceptLimit
        ),
        onServerRunning: { _ in await onServerRunning() },
        logger: logger
    )
}
