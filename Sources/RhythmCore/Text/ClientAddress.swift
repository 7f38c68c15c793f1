import Foundation

/// The address a request came from, for per-client rate limits.
///
/// Rhythm usually sits behind a reverse proxy on the same machine (deploy/nginx), so every
/// connection comes from loopback; then the client is the last address the proxy appended to
/// `X-Forwarded-For`. A connection from elsewhere is the client itself, and its
/// `X-Forwarded-For` is not believed.
public enum ClientAddress {
    /// The client of a connection from `peer` (its IP address; nil when unknown) that sent
    /// `forwardedFor` as its `X-Forwarded-For` header.
    public static func of(peer: String?, forwardedFor: String?) -> String {
        let address = peer ?? "unknown"
        guard address == "127.0.0.1" || address == "::1", let forwarded = forwardedFor?.split(separator: ",").last
        else { return address }
        let client = forwarded.trimmingCharacters(in: .whitespaces)
        return client.isEmpty ? address : client
    }
}
