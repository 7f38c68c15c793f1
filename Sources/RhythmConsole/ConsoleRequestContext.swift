import Hummingbird
import HummingbirdAuth
import NIOCore

/// The request context of every `/console` route: the parent router's context plus the
/// signed-in person (``identity``, set by ``ConsoleSessionAuthenticator``) and the client's
/// address for rate limits.
///
/// Generic over the application's own context, so that the console mounts on any router
/// through `router.group("/console", context: ConsoleRequestContext<Context>.self)`.
public struct ConsoleRequestContext<Parent: RequestContext>: ChildRequestContext, AuthRequestContext,
    RemoteAddressRequestContext
{
    public var coreContext: CoreRequestContextStorage
    /// The signed-in person and session; nil before sign-in.
    public var identity: ConsoleIdentity?
    /// The connection's other end (the client, or the reverse proxy in front), when the
    /// parent context knows it.
    public let remoteAddress: SocketAddress?

    public init(context: Parent) {
        coreContext = context.coreContext
        identity = nil
        remoteAddress = (context as? any RemoteAddressRequestContext)?.remoteAddress
    }
}
