import Foundation

/// One received e-mail, read from its raw bytes (as IMAP `FETCH BODY[]` returns them) into what
/// Rhythm needs to act on answers that come back by mail: the identifiers that tie it to a
/// message Rhythm sent (`Message-ID`, `In-Reply-To`, `References`), who sent it, and its leaf
/// parts, among them the iCalendar replies (`calendarParts`) and delivery reports
/// (`DeliveryReport`).
///
/// Reading never fails on malformed input, it reads what it can: a missing closing boundary
/// ends the part at the end of the message, an undecodable charset falls back to UTF-8 or
/// ISO-8859-1. Only the `MailReadingLimits` refuse a message, with a `MailError`.
public struct ReceivedMessage: Sendable, Hashable {
    /// The top-level header fields, in order.
    public var header: MessageHeader
    /// The top-level content type (`multipart/report`, `text/plain`, ...).
    public var contentType: HeaderValue
    /// Every leaf part in document order (depth first); a single-part message has one.
    public var parts: [MessagePart]

    /// Reads a message within the given limits.
    public init(bytes: some Collection<UInt8>, limits: MailReadingLimits = MailReadingLimits()) throws(MailError) {
        guard bytes.count <= limits.maximumSize else {
            throw MailError(
                code: .messageTooLarge,
                message:
                    "the message has \(bytes.count) bytes, more than the limit of \(limits.maximumSize); "
                    + "raise MailReadingLimits.maximumSize if such messages are expected"
            )
        }
        try self.init(slice: Array(bytes)[...], depth: 0, limits: limits)
    }

    /// Reads a message embedded in a `message/rfc822` or `text/rfc822-headers` part (a bounce's
    /// copy of the original, say); the part counts as one level of nesting.
    public init(embeddedIn part: MessagePart, limits: MailReadingLimits = MailReadingLimits()) throws(MailError) {
        try self.init(slice: part.content[...], depth: 1, limits: limits)
    }

    private init(slice: ArraySlice<UInt8>, depth: Int, limits: MailReadingLimits) throws(MailError) {
        let (header, bodyStart) = MessageHeader.read(slice)
        self.header = header
        let contentType = header["Content-Type"].map(HeaderValue.init(parsing:))
        self.contentType = contentType ?? HeaderValue(value: "text/plain")
        var reader = MIMETreeReader(limits: limits)
        try reader.readEntity(
            header: header, body: slice[bodyStart...], defaultType: "text/plain", depth: depth)
        parts = reader.leaves
    }

    /// The `Message-ID` without angle brackets, or nil when there is none.
    public var messageID: String? { header["Message-ID"].flatMap { MessageIDs.list(parsing: $0).first } }
    /// The identifiers in `In-Reply-To`, without angle brackets.
    public var inReplyTo: [String] { header["In-Reply-To"].map(MessageIDs.list(parsing:)) ?? [] }
    /// The identifiers in `References`, oldest first, without angle brackets.
    public var references: [String] { header["References"].map(MessageIDs.list(parsing:)) ?? [] }
    /// The `From` mailboxes (usually one).
    public var from: [MailAddress] { header["From"].map(MailAddress.list(parsing:)) ?? [] }
    /// The `To` mailboxes.
    public var to: [MailAddress] { header.values("To").flatMap(MailAddress.list(parsing:)) }
    /// The `Cc` mailboxes.
    public var cc: [MailAddress] { header.values("Cc").flatMap(MailAddress.list(parsing:)) }
    /// The subject with encoded words decoded, or nil when there is none.
    public var subject: String? { header.text("Subject") }
    /// The `Date` header as an instant, or nil when it is missing or unreadable.
    public var date: Date? { header["Date"].flatMap(MailDate.parse) }

    /// The iCalendar data the message carries, as bytes, in document order: every
    /// `text/calendar` part (with or without `method=`), every `application/ics` part and every
    /// `*.ics` attachment. Google sends the same reply twice (inline and as `invite.ics`); both
    /// are returned, and the caller, which parses them, decides what a duplicate is.
    public var calendarParts: [[UInt8]] {
        parts.filter(\.isCalendar).map(\.content)
    }

    /// The first `text/plain` part's text, the one a person wrote (an attendee's note, an
    /// MTA's explanation), or nil when there is none.
    public var plainText: String? {
        parts.first { $0.mediaType == "text/plain" && $0.disposition?.value != "attachment" }?.text
    }
}

/// Walks a MIME tree and collects its leaves, enforcing the nesting limit.
private struct MIMETreeReader {
    var limits: MailReadingLimits
    var leaves: [MessagePart] = []

    init(limits: MailReadingLimits) {
        self.limits = limits
    }

    mutating func readEntity(
        header: MessageHeader, body: ArraySlice<UInt8>, defaultType: String, depth: Int
    ) throws(MailError) {
        guard depth <= limits.maximumDepth else {
            throw MailError(
                code: .nestingTooDeep,
                message:
                    "body parts nest more than \(limits.maximumDepth) levels deep; "
                    + "no real client nests that far, so the message is refused"
            )
        }
        let contentType = header["Content-Type"].map(HeaderValue.init(parsing:)) ?? HeaderValue(value: defaultType)
        if contentType.value.hasPrefix("multipart/"), let boundary = contentType.parameters["boundary"],
            !boundary.isEmpty
        {
            let childDefault = contentType.value == "multipart/digest" ? "message/rfc822" : "text/plain"
            for child in Self.split(body, boundary: Array(boundary.utf8)) {
                let (childHeader, childBodyStart) = MessageHeader.read(child)
                try readEntity(
                    header: childHeader, body: child[childBodyStart...], defaultType: childDefault, depth: depth + 1)
            }
            return
        }
        let content = TransferEncoding.decode(body, encoding: header["Content-Transfer-Encoding"])
        leaves.append(
            MessagePart(
                header: header,
                contentType: contentType,
                disposition: header["Content-Disposition"].map(HeaderValue.init(parsing:)),
                content: content
            )
        )
    }

    /// The body parts between boundary delimiter lines (RFC 2046 §5.1.1). The line break
    /// before a delimiter belongs to the delimiter. Text before the first delimiter (the
    /// preamble) and after the closing one (the epilogue) is dropped; without a closing
    /// delimiter the last part runs to the end.
    static func split(_ body: ArraySlice<UInt8>, boundary: [UInt8]) -> [ArraySlice<UInt8>] {
        let delimiter: [UInt8] = [0x2D, 0x2D] + boundary
        var parts: [ArraySlice<UInt8>] = []
        var partStart: Int?
        var previousLineEnd = body.startIndex
        for line in body.lines {
            let content = body[line.start..<line.contentEnd]
            guard content.starts(with: delimiter) else {
                previousLineEnd = line.contentEnd
                continue
            }
            let rest = content.dropFirst(delimiter.count)
            let isClosing = rest.starts(with: [0x2D, 0x2D])
            let trailing = isClosing ? rest.dropFirst(2) : rest
            guard trailing.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) else {
                previousLineEnd = line.contentEnd
                continue
            }
            if let start = partStart {
                parts.append(body[start..<max(start, previousLineEnd)])
            }
            partStart = isClosing ? nil : line.next
            if isClosing { break }
            previousLineEnd = line.contentEnd
        }
        if let start = partStart, start < body.endIndex {
            parts.append(body[start...])
        }
        return parts
    }
}
