import HTTPTypes

extension HTTPField.Name {
    /// `Referrer-Policy`, which HTTPTypes does not name: pages and feeds whose URL holds a
    /// token send `no-referrer` so that a browser never passes the token on.
    static let referrerPolicy = HTTPField.Name("Referrer-Policy")!
}
