import HTTPTypes
import Hummingbird

/// An answer page as HTTP: HTML with the headers every page of a capability URL needs.
enum HTMLPage {
    /// `text/html` with `status`, no caching, no referrer, no sniffing, and `policy` as the
    /// `Content-Security-Policy`; `head` leaves the body out (a HEAD request).
    static func response(_ html: String, status: HTTPResponse.Status = .ok, policy: String, head: Bool = false)
        -> Response
    {
        let body = ByteBuffer(string: html)
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = "no-store"
        headers[.contentSecurityPolicy] = policy
        headers[.referrerPolicy] = "no-referrer"
        headers[.xContentTypeOptions] = "nosniff"
        return Response(status: status, headers: headers, body: head ? ResponseBody() : ResponseBody(byteBuffer: body))
    }
}

extension HTTPField.Name {
    /// `Referrer-Policy`: `no-referrer`, so a browser never passes the link on.
    static let referrerPolicy = HTTPField.Name("Referrer-Policy")!
}
