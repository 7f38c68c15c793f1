import Hummingbird
import NIOCore

/// The request context of Rhythm's router: Hummingbird's basic one plus the peer's address,
/// which the answer pages need to limit requests per client.
public struct RhythmRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The address of the connection's other end: the client, or the reverse proxy in front.
    public let remoteAddress: SocketAddress?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }
}
