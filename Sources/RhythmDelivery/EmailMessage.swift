import Crypto
import Foundation
import RhythmCore

/// A calendar invitation or cancellation carried by an e-mail (iMIP, RFC 6047).
public struct CalendarAttachment: Hashable, Sendable {
    /// The iTIP method, which must match the `METHOD` inside the calendar.
    public enum Method: String, Hashable, Sendable {
        case request = "REQUEST"
        case cancel = "CANCEL"
    }

    public var method: Method
    /// The `.ics` bytes, as the caller built them.
    public var content: [UInt8]
    /// The attachment's file name, such as `invite.ics`.
    public var filename: String

    public init(method: Method, content: [UInt8], filename: String = "invite.ics") {
        self.method = method
        self.content = content
        self.filename = filename
    }
}

/// An e-mail as Rhythm sends it: composed purely from its fields into RFC 5322 bytes.
///
/// The Message-ID comes from the delivery key, so a retry of the same delivery carries the
/// same id and a recipient (or the Maildir sink) can recognise a duplicate. Every header
/// value is checked for line breaks; `build()` throws rather than write a header an input
/// could split.
public struct EmailMessage: Hashable, Sendable {
    public var from: EmailAddress
    public var to: [EmailAddress]
    public var subject: String
    /// The plain-text body.
    public var text: String
    /// The HTML body, the same content as `text`.
    public var html: String
    /// An invitation to add as a `text/calendar` alternative and an `.ics` attachment.
    public var calendar: CalendarAttachment?
    /// The https address that stops messages like this one for its recipient with a single
    /// POST, sent as `List-Unsubscribe` with `List-Unsubscribe-Post: List-Unsubscribe=One-Click`
    /// (RFC 8058), which mailbox providers turn into an "Unsubscribe" button.
    public var oneClickUnsubscribe: URL?
    /// What makes this delivery unique (rule, occurrence, recipient, channel): the source of
    /// the Message-ID and of the MIME boundaries.
    public var deliveryKey: String
    /// The Date header; the outbox passes the time the delivery was first planned.
    public var date: Date

    public init(
        from: EmailAddress,
        to: [EmailAddress],
        subject: String,
        text: String,
        html: String,
        calendar: CalendarAttachment? = nil,
        oneClickUnsubscribe: URL? = nil,
        deliveryKey: String,
        date: Date
    ) {
        self.from = from
        self.to = to
        self.subject = subject
        self.text = text
        self.html = html
        self.calendar = calendar
        self.oneClickUnsubscribe = oneClickUnsubscribe
        self.deliveryKey = deliveryKey
        self.date = date
    }

    /// `<hash@domain>`: the first 32 hex digits of the delivery key's SHA-256 at the sender's
    /// domain.
    public var messageID: String {
        "<\(keyHash.prefix(32))@\(from.domain)>"
    }

    private var keyHash: String {
        SHA256.hash(data: Array(deliveryKey.utf8)).lowercaseHex
    }

    /// The message as it goes on the wire: CRLF line endings, no line over 998 octets.
    public func build() throws(DeliveryError) -> [UInt8] {
        guard !to.isEmpty else { throw DeliveryError(.invalidMessage, "the message has no recipient") }
        guard !deliveryKey.isEmpty else { throw DeliveryError(.invalidMessage, "the delivery key is empty") }
        try HeaderCheck.refuseLineBreaks(subject, field: "subject")
        try HeaderCheck.refuseControlCharacters(subject, field: "subject")
        if let calendar {
            try HeaderCheck.refuseLineBreaks(calendar.filename, field: "attachment file name")
            guard
                !calendar.filename.isEmpty,
                calendar.filename.utf8.allSatisfy({ $0 > 32 && $0 < 127 && $0 != UInt8(ascii: "\"") })
            else {
                throw DeliveryError(.invalidHeader, "the attachment file name must be printable ASCII without quotes")
            }
        }

        let unsubscribe = try oneClickUnsubscribe.map(Self.unsubscribeAddress)

        let hash = keyHash
        let alternativeBoundary = "=_rhythm_alt_\(hash.prefix(16))"
        let mixedBoundary = "=_rhythm_mixed_\(hash.prefix(16))"

        var headers = [
            "Date: \(Self.rfc5322Date(date))",
            "From: \(from.headerValue)",
            "To: \(to.map(\.headerValue).joined(separator: ",\r\n "))",
            "Subject: \(HeaderEncoding.unstructured(subject, nameLength: 9))",
            "Message-ID: \(messageID)",
            "MIME-Version: 1.0",
            "Auto-Submitted: auto-generated",
        ]
        if let unsubscribe {
            headers += ["List-Unsubscribe: <\(unsubscribe)>", "List-Unsubscribe-Post: List-Unsubscribe=One-Click"]
        }

        var alternative = [
            part(
                contentType: "text/plain; charset=UTF-8",
                encoding: "quoted-printable",
                body: QuotedPrintable.encode(text)
            ),
            part(
                contentType: "text/html; charset=UTF-8",
                encoding: "quoted-printable",
                body: QuotedPrintable.encode(html)
            ),
        ]
        if let calendar {
            alternative.append(
                part(
                    contentType: "text/calendar; charset=UTF-8; method=\(calendar.method.rawValue)",
                    encoding: "base64",
                    body: Base64.mimeBody(calendar.content)
                )
            )
        }
        let alternativeBody = multipart(alternative, boundary: alternativeBoundary)
        let alternativeType = "multipart/alternative; boundary=\"\(alternativeBoundary)\""

        let body: String
        if let calendar {
            headers.append("Content-Type: multipart/mixed; boundary=\"\(mixedBoundary)\"")
            body = multipart(
                [
                    "Content-Type: \(alternativeType)\r\n\r\n\(alternativeBody)",
                    part(
                        contentType: "application/ics; name=\"\(calendar.filename)\"",
                        encoding: "base64",
                        body: Base64.mimeBody(calendar.content),
                        disposition: "attachment; filename=\"\(calendar.filename)\""
                    ),
                ],
                boundary: mixedBoundary
            )
        } else {
            headers.append("Content-Type: \(alternativeType)")
            body = alternativeBody
        }
        return Array((headers.joined(separator: "\r\n") + "\r\n\r\n" + body).utf8)
    }

    /// The unsubscribe address as it goes between angle brackets: RFC 8058 asks for https,
    /// and the header allows no spaces, angle brackets or line breaks inside.
    private static func unsubscribeAddress(_ url: URL) throws(DeliveryError) -> String {
        let text = url.absoluteString
        guard url.scheme?.lowercased() == "https", url.host != nil else {
            throw DeliveryError(.invalidHeader, "the one-click unsubscribe address must be an https URL")
        }
        guard text.utf8.allSatisfy({ $0 > 32 && $0 < 127 && $0 != UInt8(ascii: "<") && $0 != UInt8(ascii: ">") })
        else {
            throw DeliveryError(
                .invalidHeader, "the one-click unsubscribe address must be printable ASCII without spaces or brackets")
        }
        return text
    }

    private func part(contentType: String, encoding: String, body: String, disposition: String? = nil) -> String {
        var lines = ["Content-Type: \(contentType)", "Content-Transfer-Encoding: \(encoding)"]
        if let disposition { lines.append("Content-Disposition: \(disposition)") }
        return lines.joined(separator: "\r\n") + "\r\n\r\n" + body
    }

    private func multipart(_ parts: [String], boundary: String) -> String {
        parts.map { "--\(boundary)\r\n\($0)" }.joined(separator: "\r\n") + "\r\n--\(boundary)--\r\n"
    }

    /// `Tue, 24 Nov 2026 13:55:23 +0000`, always in UTC so the bytes do not depend on the host.
    static func rfc5322Date(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: date)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ value: Int?) -> String {
            let value = value ?? 0
            return value < 10 ? "0\(value)" : "\(value)"
        }
        let day = days[(parts.weekday ?? 1) - 1]
        let month = months[(parts.month ?? 1) - 1]
        let time = "\(two(parts.hour)):\(two(parts.minute)):\(two(parts.second))"
        return "\(day), \(two(parts.day)) \(month) \(parts.year ?? 1970) \(time) +0000"
    }
}
