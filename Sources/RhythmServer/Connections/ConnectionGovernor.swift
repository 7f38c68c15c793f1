import HummingbirdCore
import NIOCore
import NIOHTTPTypes
import Synchronization

/// Keeps the server's connections within the file descriptors the process may open.
///
/// Each connection takes a descriptor, and so do the database, the mail and webhook transfers
/// and the journal. When more than ``evictionThreshold`` connections are open, each new one
/// closes the connection that has been idle longest (between requests, or connected without
/// sending a complete request head), the way a busy web server reuses keep-alive slots, so
/// that idle clients can never lock out one with a request. At ``maximumConnections`` (when
/// every connection is busy with a request) the server stops accepting until one closes,
/// rather than running out of descriptors.
final class ConnectionGovernor: Sendable {
    /// One open connection; `idleOrder` is nil while a request is under way, and otherwise
    /// says when it became idle (smaller is longer ago).
    private struct Entry {
        let channel: any Channel
        var idleOrder: UInt64?
    }

    private struct State {
        var entries: [ObjectIdentifier: Entry] = [:]
        var clock: UInt64 = 0

        mutating func tick() -> UInt64 {
            clock += 1
            return clock
        }
    }

    /// The most connections open at once; accepting pauses here.
    let maximumConnections: Int
    /// Above this many, each new connection closes the one idle longest.
    let evictionThreshold: Int
    private let state = Mutex(State())

    init(maximumConnections: Int) {
        self.maximumConnections = max(1, maximumConnections)
        self.evictionThreshold = max(1, maximumConnections - maximumConnections / 16)
    }

    /// The connections open now.
    var openConnections: Int {
        state.withLock { $0.entries.count }
    }

    /// Registers a new connection (idle until its first request head is read) and closes the
    /// connection idle longest when there are too many.
    func opened(_ channel: any Channel) {
        let evicted: (any Channel)? = state.withLock { state in
            state.entries[ObjectIdentifier(channel)] = Entry(channel: channel, idleOrder: state.tick())
            guard state.entries.count > evictionThreshold else { return nil }
            let idle = state.entries.compactMap { key, entry in
                entry.idleOrder.map { (key: key, channel: entry.channel, order: $0) }
            }
            guard let oldest = idle.filter({ $0.channel !== channel }).min(by: { $0.order < $1.order }) else {
                return nil
            }
            state.entries[oldest.key] = nil
            return oldest.channel
        }
        evicted?.close(promise: nil)
    }

    /// A request head arrived: the connection is busy until its response is written.
    func becameBusy(_ channel: any Channel) {
        state.withLock { $0.entries[ObjectIdentifier(channel)]?.idleOrder = nil }
    }

    /// The last response under way was written: the connection waits for another request.
    func becameIdle(_ channel: any Channel) {
        state.withLock { state in
            let order = state.tick()
            state.entries[ObjectIdentifier(channel)]?.idleOrder = order
        }
    }

    /// The connection closed.
    func closed(_ channel: any Channel) {
        state.withLock { $0.entries[ObjectIdentifier(channel)] = nil }
    }

    /// Tells the server's accepting channel to pause at ``maximumConnections``.
    var acceptLimit: AcceptLimit { AcceptLimit(governor: self) }

    /// The part of the governor Hummingbird asks before it accepts a connection.
    struct AcceptLimit: AvailableConnectionsDelegate {
        let governor: ConnectionGovernor

        // Connections are counted by ``Handler``, which also sees when they become idle.
        mutating func connectionOpened() {}
        mutating func connectionClosed() {}

        func isAcceptingNewConnections() -> Bool {
            governor.openConnections < governor.maximumConnections
        }
    }

    /// Reports one connection's life to the governor: opened, busy with a request, idle, closed.
    final class Handler: ChannelDuplexHandler, RemovableChannelHandler {
        typealias InboundIn = HTTPRequestPart
        typealias InboundOut = HTTPRequestPart
        typealias OutboundIn = HTTPResponsePart
        typealias OutboundOut = HTTPResponsePart

        private let governor: ConnectionGovernor
        /// Requests whose head was read and whose response is not yet written (pipelining).
        private var requestsUnderWay = 0

        init(governor: ConnectionGovernor) {
            self.governor = governor
        }

        func handlerAdded(context: ChannelHandlerContext) {
            governor.opened(context.channel)
        }

        func handlerRemoved(context: ChannelHandlerContext) {
            governor.closed(context.channel)
        }

        func channelInactive(context: ChannelHandlerContext) {
            governor.closed(context.channel)
            context.fireChannelInactive()
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            if case .head = unwrapInboundIn(data) {
                requestsUnderWay += 1
                governor.becameBusy(context.channel)
            }
            context.fireChannelRead(data)
        }

        func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
            if case .end = unwrapOutboundIn(data) {
                requestsUnderWay = max(0, requestsUnderWay - 1)
                if requestsUnderWay == 0 { governor.becameIdle(context.channel) }
            }
            context.write(data, promise: promise)
        }
    }
}
