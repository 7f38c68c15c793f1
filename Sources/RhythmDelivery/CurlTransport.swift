import Foundation
import Logging
import NIOPosix
import Synchronization

/// Sends requests through libcurl, off Swift's cooperative pool, reusing connections.
///
/// Every blocking `curl_easy_perform` runs on a `NIOThreadPool`, so a stalled server ties up
/// one pool thread, never a Swift task executor; give the pool as many threads as transfers
/// you want in flight at once.
///
/// Connections are reused by keeping libcurl easy handles per destination (scheme, host,
/// port and user): a handle keeps its own connection cache across `curl_easy_reset`, so the
/// next transfer to the same server picks the open connection up again, including its TLS
/// session. Handles are lent to one transfer at a time; one whose transfer failed is closed
/// rather than pooled, so a half-broken connection is never reused. This avoids a shared
/// connection cache (`CURLSH`) and the locking it needs across threads.
public final class CurlTransport: Sendable {
    /// How many idle handles (and so open connections) to keep per destination.
    public let idleHandlesPerDestination: Int
    private let threadPool: NIOThreadPool
    private let logger: Logger
    private let idle = Mutex<[String: [CurlEasyHandle]]>([:])

    /// - Parameters:
    ///   - threadPool: where transfers block; the caller starts and shuts it down.
    ///   - idleHandlesPerDestination: open connections kept for reuse per destination.
    ///   - logger: receives one debug line per transfer, with no secret in it.
    public init(threadPool: NIOThreadPool, idleHandlesPerDestination: Int = 4, logger: Logger) {
        self.threadPool = threadPool
        self.idleHandlesPerDestination = idleHandlesPerDestination
        self.logger = logger
    }

    /// Runs one transfer and reports what happened; never throws, because every failure is
    /// information the caller maps to a ``DeliveryOutcome``.
    public func perform(_ request: CurlRequest) async -> CurlResponse {
        let destination = Self.destination(of: request)
        guard let handle = checkOut(destination) else {
            return CurlResponse(result: 2, message: "libcurl could not create a handle", responseCode: 0)
        }
        let started = ContinuousClock.now
        let response: CurlResponse
        do {
            response = try await threadPool.runIfActive { handle.perform(request) }
        } catch {
            return CurlResponse(result: 2, message: "the transfer thread pool is not running", responseCode: 0)
        }
        if response.succeeded, let destination {
            checkIn(handle, destination: destination)
        }
        logger.debug(
            "curl transfer finished",
            metadata: [
                "delivery.destination": "\(destination ?? "(unparsable URL)")",
                "curl.result": "\(response.result)",
                "curl.response_code": "\(response.responseCode)",
                "curl.elapsed": "\(ContinuousClock.now - started)",
            ]
        )
        return response
    }

    /// Closes every idle handle and its connection. Transfers under way finish normally.
    public func shutdown() {
        let handles = idle.withLock { idle in
            defer { idle = [:] }
            return idle
        }
        _ = handles  // Released here, outside the lock: each handle's deinit closes its connection.
    }

    /// The number of idle handles kept, for tests.
    var idleHandleCount: Int {
        idle.withLock { $0.values.reduce(0) { $0 + $1.count } }
    }

    private func checkOut(_ destination: String?) -> CurlEasyHandle? {
        if let destination,
            let handle = idle.withLock({ idle in idle[destination]?.popLast() })
        {
            return handle
        }
        return CurlEasyHandle()
    }

    private func checkIn(_ handle: CurlEasyHandle, destination: String) {
        let limit = idleHandlesPerDestination
        idle.withLock { idle in
            if idle[destination, default: []].count < limit {
                idle[destination, default: []].append(handle)
            }
        }
    }

    /// The pooling key: scheme, host, port and user, never a path, query or password.
    static func destination(of request: CurlRequest) -> String? {
        guard let components = URLComponents(string: request.url), let scheme = components.scheme?.lowercased(),
            let host = components.host?.lowercased(), !host.isEmpty
        else { return nil }
        let port = components.port.map { ":\($0)" } ?? ""
        let user = request.username.map { "\($0)@" } ?? ""
        return "\(scheme)://\(user)\(host)\(port)"
    }
}
