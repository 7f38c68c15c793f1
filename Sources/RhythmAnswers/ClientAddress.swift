import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// The address a request came from, for per-client rate limits.
///
/// Rhythm usually sits behind a reverse proxy on the same machine (deploy/nginx), so every
/// connection comes from loopback; then the client is the last address the proxy appended to
/// `X-Forwarded-For`. A connection from elsewhere is the client itself, and its
/// `X-Forwarded-For` is not believed.
enum ClientAddress {
    static func of(_ request: Request, peer: SocketAddress?) -> String {
        let address = peer?.ipAddress ?? "unknown"
        guard address == "127.0.0.1" || address == "::1",
            let forwarded = request.headers[.xForwardedFor]?.split(separator: ",").last
        else { return address }
        let client = forwarded.trimmingCharacters(in: .whitespaces)
        return client.isEmpty ? address : client
    }
}

extension HTTPField.Name {
    static let xForwardedFor = HTTPField.Name("X-Forwarded-For")!
}
