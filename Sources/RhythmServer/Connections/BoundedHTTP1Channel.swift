import HummingbirdCore
import Logging
import NIOCore
import NIOHTTP1
import NIOHTTPTypes
import NIOHTTPTypesHTTP1

/// Hummingbird's HTTP/1 child channel with every connection bounded in time and number.
///
/// The pipeline is Hummingbird's own (NIO's HTTP/1 codec, the conversion to HTTP types, its
/// connection state handler) with two additions: ``HTTPPersistenceHandler`` before the
/// conversion, which still sees the HTTP version, and the ``ConnectionGovernor``'s handler.
/// The state handler's idle timeout closes a connection that sends no complete request head
/// within `idleTimeout` of connecting or of its last response: idle keep-alive connections
/// and a slowly dribbled head alike. A request under way is never timed out by it.
struct BoundedHTTP1Channel: ServerChildChannel, HTTPChannelHandler {
    typealias Value = NIOAsyncChannel<HTTPRequestPart, HTTPResponsePart>

    let responder: HTTPChannelHandler.Responder
    let idleTimeout: Duration
    let governor: ConnectionGovernor

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        channel.eventLoop.makeCompletedFuture {
            let pipeline = channel.pipeline.syncOperations
            try pipeline.configureHTTPServerPipeline(
                withPipeliningAssistance: false,  // NIOAsyncChannel handles one request at a time
                withErrorHandling: false,  // Hummingbird answers parse errors itself
                withOutboundHeaderValidation: false  // HTTP types validate the fields
            )
            try pipeline.addHandler(HTTPPersistenceHandler())
            try pipeline.addHandler(HTTP1ToHTTPServerCodec(secure: false))
            try pipeline.addHandler(ConnectionGovernor.Handler(governor: governor))
            try pipeline.addHandler(HTTPConnectionStateHandler(idleTimeout: idleTimeout, logger: logger))
            return try NIOAsyncChannel(
                wrappingChannelSynchronously: channel, configuration: .init(isOutboundHalfClosureEnabled: true))
        }
    }

    func handle(value: Value, logger: Logger) async {
        await handleHTTP(asyncChannel: value, logger: logger)
    }
}
