import Foundation
import Hummingbird

/// The console's session cookie: `HttpOnly` (no script reads it), `SameSite=Lax` (no other
/// site's form sends it), `Path=/console` (no other page of Rhythm receives it), and `Secure`
/// when the service's public address is https (see ``init(secure:)``).
public struct ConsoleCookie: Sendable {
    /// The cookie's name.
    public static let name = "rhythm_console"
    /// The path it is sent to.
    public static let path = "/console"

    /// Whether the cookie carries `Secure`: when `service.public_url` is https, so a browser
    /// never sends it over plain http. Over http to loopback (development) it cannot.
    public let secure: Bool

    public init(secure: Bool) {
        self.secure = secure
    }

    /// For a service reached at `baseURL` (`ServiceSettings.baseURL`).
    public init(baseURL: String) {
        self.init(secure: baseURL.lowercased().hasPrefix("https://"))
    }

    /// Sets the cookie to `token` until `expires` (the session's absolute end).
    func set(_ token: String, expires: Date) -> Cookie {
        Cookie(
            name: Self.name, value: token, expires: expires, path: Self.path, secure: secure, httpOnly: true,
            sameSite: .lax)
    }

    /// Tells the browser to forget the cookie.
    func clear() -> Cookie {
        Cookie(
            name: Self.name, value: "", expires: Date(timeIntervalSince1970: 0), maxAge: 0, path: Self.path,
            secure: secure, httpOnly: true, sameSite: .lax)
    }

    /// The session token a request carries, if any.
    static func token(of request: Request) -> String? {
        request.cookies[name].map { String($0.value) }
    }
}
