import NIOCore
import NIOHTTP1

/// Makes each connection last exactly as long as its HTTP version and `Connection` header
/// ask, before the request loses its version on the way to Hummingbird.
///
/// HTTP/1.0 connections close after the response unless the client sent
/// `Connection: keep-alive`, and so do HTTP/1.1 requests with `Connection: close` in any
/// spelling. Such a request reaches the application with exactly `Connection: close` (which
/// Hummingbird honours), its response says so, and the connection is closed once the response
/// is written. A response to HTTP/1.0 is written as HTTP/1.0, so it is never chunked, and
/// names `keep-alive` when the connection stays open.
final class HTTPPersistenceHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundIn = HTTPServerResponsePart
    typealias OutboundOut = HTTPServerResponsePart

    /// What the connection does after one response.
    private struct Persistence {
        let version: HTTPVersion
        var keepsOpen: Bool

        /// HTTP/1.0, whose connections close by default and whose clients know no chunking.
        var isHTTP10: Bool { version.major == 1 && version.minor == 0 }
    }

    /// One entry per request whose response is not yet written, oldest first.
    private var pending: [Persistence] = []

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard case .head(var head) = unwrapInboundIn(data) else {
            context.fireChannelRead(data)
            return
        }
        let keepsOpen = head.isKeepAlive
        if !keepsOpen {
            head.headers.replaceOrAdd(name: "connection", value: "close")
        }
        pending.append(Persistence(version: head.version, keepsOpen: keepsOpen))
        context.fireChannelRead(wrapInboundOut(.head(head)))
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case .head(var head) where !pending.isEmpty:
            let request = pending[0]
            if request.isHTTP10 {
                head.version = request.version
                // Without a length an HTTP/1.0 body ends where the connection does.
                if !head.headers.contains(name: "content-length") { pending[0].keepsOpen = false }
            }
            if !pending[0].keepsOpen {
                head.headers.replaceOrAdd(name: "connection", value: "close")
            } else if request.isHTTP10 {
                head.headers.replaceOrAdd(name: "connection", value: "keep-alive")
            }
            context.write(wrapOutboundOut(.head(head)), promise: promise)
        case .end where !pending.isEmpty:
            let request = pending.removeFirst()
            if request.keepsOpen {
                context.write(data, promise: promise)
            } else {
                // Closed once the response is out: closing earlier would drop what is still queued.
                let written = context.eventLoop.makePromise(of: Void.self)
                context.writeAndFlush(data, promise: written)
                written.futureResult.assumeIsolated().whenComplete { result in
                    promise?.completeWith(result)
                    context.close(promise: nil)
                }
            }
        default:
            context.write(data, promise: promise)
        }
    }
}
