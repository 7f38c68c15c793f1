/// One leaf of a message's MIME tree: a body part that is not itself a multipart.
///
/// An embedded message (`message/rfc822`, as in a bounce or a forward) is a leaf too: its
/// contents belong to another message, and reading them as this message's parts would, for
/// example, make a bounced invitation look like a calendar reply. `ReceivedMessage(embeddedIn:)`
/// reads it when needed.
public struct MessagePart: Sendable, Hashable {
    /// The part's own header fields.
    public var header: MessageHeader
    /// The content type, lower-cased, with its parameters (`charset`, `method`, `name`, ...).
    /// A part without one is `text/plain` (RFC 2045 §5.2), or `message/rfc822` in a digest.
    public var contentType: HeaderValue
    /// The `Content-Disposition` (`inline`, `attachment`), or nil when the part has none.
    public var disposition: HeaderValue?
    /// The body after undoing the transfer encoding (base64, quoted-printable).
    public var content: [UInt8]

    /// Creates a part.
    public init(header: MessageHeader, contentType: HeaderValue, disposition: HeaderValue?, content: [UInt8]) {
        self.header = header
        self.contentType = contentType
        self.disposition = disposition
        self.content = content
    }

    /// The media type without parameters, for example `text/calendar`.
    public var mediaType: String { contentType.value }

    /// The attachment's file name: `Content-Disposition`'s `filename`, else `Content-Type`'s
    /// `name` (which Outlook and older clients use), decoded; nil when neither is given.
    public var filename: String? {
        disposition?.parameters["filename"] ?? contentType.parameters["name"]
    }

    /// Whether the content is text a person or a parser reads as characters: every `text/*`
    /// type and the `message/*` types that are header-like text (delivery status, headers).
    public var isTextual: Bool {
        mediaType.hasPrefix("text/") || mediaType == "message/delivery-status"
            || mediaType == "message/global-delivery-status" || mediaType == "message/rfc822"
            || mediaType == "message/global" || mediaType == "message/global-headers"
    }

    /// The content as text in its declared charset (UTF-8 when none is declared, since that is
    /// what undeclared 8-bit text usually is now), or nil for a non-textual part.
    public var text: String? {
        guard isTextual else { return nil }
        return Charset.decode(content, charset: contentType.parameters["charset"])
    }

    /// Whether this part carries iCalendar data: any `text/calendar` part (with or without a
    /// `method` parameter), an `application/ics` part, or an attachment named `*.ics`.
    public var isCalendar: Bool {
        mediaType == "text/calendar" || mediaType == "application/ics"
            || filename?.lowercased().hasSuffix(".ics") == true
    }
}
