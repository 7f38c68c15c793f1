import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import NIOHTTP1
import ServiceLifecycle

extension ApplicationProtocol {
    /// Runs the application as `run()` does, except that the `Date` header is formatted when a
    /// response needs it (see ``DateHeader``) instead of by Hummingbird's `DateCache` service,
    /// whose one-second timer wakes an idle process every second. The daemon serves with this,
    /// so that it sleeps between requests; the test frameworks keep calling `run()`.
    ///
    /// Each request is answered as `run()` answers it: a request id in the logger's metadata,
    /// a 500 for an error the responder did not turn into a response, the `Date` and `Server`
    /// headers on every response.
    public func runWithLazyDate() async throws {
        let responder = try await self.responder
        let dateHeader = DateHeader()
        let logger = self.logger
        let serverName = configuration.serverName
        let httpServer = try self.server.buildServer(
            configuration: HummingbirdCore.ServerConfiguration(
                address: configuration.address, serverName: serverName, backlog: configuration.backlog,
                reuseAddress: configuration.reuseAddress,
                availableConnectionsDelegate: configuration.availableConnectionsDelegate),
            eventLoopGroup: eventLoopGroup,
            logger: logger
        ) { (request, responseWriter: consuming ResponseWriter, channel) in
            let requestLogger = logger.withRequestID()
            var response: Response
            do {
                response = try await withLogger(requestLogger) { logger in
                    try await responder.respond(
                        to: request, context: Context(source: .init(channel: channel, logger: logger)))
                }
            } catch let error as HTTPParserError {
                throw error
            } catch {
                requestLogger.debug("Unrecognised Error", metadata: ["error.type": "\(error)"])
                response = Response(status: .internalServerError, body: .init())
            }
            response.headers[.date] = dateHeader.value()
            if let serverName {
                response.headers[.server] = serverName
            }
            do {
                try await responseWriter.write(response: response.head, body: response.body)
            } catch is HTTPParserError {
                // Thrown on, a parser error would make the channel write a second response.
                throw ResponseAbandoned()
            }
        } onServerRunning: {
            await self.onServerRunning($0)
        }
        let serverService = ServerAfterPrelude(prelude: processesRunBeforeServerStart, server: httpServer)
        let group = ServiceGroup(configuration: .init(services: services + [serverService], logger: logger))
        try await group.run()
    }
}

extension Logger {
    /// This logger with a new `hb.request.id`, as Hummingbird tags each request's log lines.
    fileprivate func withRequestID() -> Logger {
        var logger = self
        logger[metadataKey: "hb.request.id"] = .stringConvertible(RequestID())
        return logger
    }
}

/// Ends a connection whose request turned out malformed while its response was being written.
private struct ResponseAbandoned: Error {}

/// The server, started once the application's preparatory processes have finished.
private struct ServerAfterPrelude: Service {
    let prelude: [@Sendable () async throws -> Void]
    let server: any Service

    func run() async throws {
        for process in prelude {
            try await process()
        }
        try await server.run()
    }
}
