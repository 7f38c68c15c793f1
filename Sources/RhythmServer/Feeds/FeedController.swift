import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// Serves /feeds/<name>.ics: looks the name up, takes the rendered feed from the cache and answers
/// with the validators and caching headers that let a calendar client's next poll be a 304.
struct FeedController<Provider: FeedProvider>: Sendable {
    let feeds: Provider
    let cache: FeedCache
    private let publicCacheControl: String
    private let privateCacheControl: String
    /// The public feed's `Content-Disposition`: its URL name is always ``FeedKind/publicName``.
    private let publicContentDisposition = "inline; filename=\"\(FeedKind.publicName).ics\""

    /// - Parameter maxAge: how long clients may reuse a feed before asking again.
    init(feeds: Provider, cache: FeedCache, maxAge: Duration) {
        self.feeds = feeds
        self.cache = cache
        let seconds = max(0, maxAge.components.seconds)
        self.publicCacheControl = "public, max-age=\(seconds)"
        // A private feed's URL is a capability: shared caches must not keep a copy.
        self.privateCacheControl = "private, max-age=\(seconds)"
    }

    func addRoutes<Context: RequestContext>(to router: Router<Context>) {
        router.get(FeedRoute.path) { request, context in try await serve(request, context: context) }
        router.head(FeedRoute.path) { request, context in try await serve(request, context: context) }
    }

    private func serve(_ request: Request, context: some RequestContext) async throws -> Response {
        guard let name = context.parameters.get("name"), !name.isEmpty else {
            throw ServerError.feedNotFound
        }
        let kind = FeedKind(name: name)
        let feed: CachedFeed
        var key: String?
        do {
            key = try await feeds.feedKey(forName: name)
            guard let key, let found = try await cache.feed(forKey: key, from: feeds) else {
                throw ServerError.feedNotFound
            }
            feed = found
        } catch let error as ServerError {
            throw error
        } catch {
            var description = String(describing: error)
            if kind == .privateFeed {
                // The provider's error may quote the token, or a key derived from it.
                for secret in [name, key].compactMap(\.self) where !secret.isEmpty {
                    description = description.replacingOccurrences(of: secret, with: "<token>")
                }
            }
            context.logger.error(
                "Feed could not be served",
                metadata: [
                    "feed.kind": .string(kind.rawValue),
                    "error.type": .string(String(reflecting: type(of: error))),
                    "error.description": .string(description),
                ]
            )
            throw ServerError.internalError
        }

        let gzip = AcceptEncoding.allowsGzip(request.headers[values: .acceptEncoding])
        let representation = feed.representation(gzip: gzip)
        let cacheControl = kind == .publicFeed ? publicCacheControl : privateCacheControl
        if isNotModified(request, tag: representation.tag, feed: feed) {
            var response = Response(
                status: .notModified,
                headers: [
                    .eTag: representation.eTag,
                    .lastModified: feed.lastModified,
                    .cacheControl: cacheControl,
                    .vary: "Accept-Encoding",
                ]
            )
            response.headers[.contentLength] = nil
            return response
        }
        var headers = HTTPFields()
        headers.reserveCapacity(12)
        headers.append(HTTPField(name: .eTag, value: representation.eTag))
        headers.append(HTTPField(name: .lastModified, value: feed.lastModified))
        headers.append(HTTPField(name: .cacheControl, value: cacheControl))
        headers.append(HTTPField(name: .vary, value: "Accept-Encoding"))
        headers.append(HTTPField(name: .contentType, value: "text/calendar; charset=utf-8"))
        headers.append(HTTPField(name: .xContentTypeOptions, value: "nosniff"))
        // A private feed's URL is its token: a browser that shows the feed must not send it on
        // as a referrer. The public feed says the same, so no feed can be served without it.
        headers.append(HTTPField(name: .referrerPolicy, value: "no-referrer"))
        if gzip {
            headers.append(HTTPField(name: .contentEncoding, value: "gzip"))
        }
        if kind == .publicFeed {
            headers.append(HTTPField(name: .contentDisposition, value: publicContentDisposition))
        }
        headers.append(HTTPField(name: .contentLength, value: representation.contentLength))
        return Response(
            status: .ok,
            headers: headers,
            body: request.method == .head ? ResponseBody() : ResponseBody(byteBuffer: representation.body)
        )
    }

    /// RFC 9110 §13.2.2 for GET and HEAD: `If-None-Match` decides when present; otherwise
    /// `If-Modified-Since`, ignored when it is not a valid date.
    private func isNotModified(_ request: Request, tag: EntityTag, feed: CachedFeed) -> Bool {
        let ifNoneMatch = request.headers[values: .ifNoneMatch]
        if !ifNoneMatch.isEmpty {
            return ifNoneMatch.contains { tag.isMatched(byIfNoneMatch: $0) }
        }
        guard let ifModifiedSince = request.headers[.ifModifiedSince] else {
            return false
        }
        if ifModifiedSince == feed.lastModified {
            return true
        }
        return HTTPDate.parse(ifModifiedSince).map { feed.lastModifiedDate <= $0 } ?? false
    }
}
