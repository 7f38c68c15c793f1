import Foundation

/// What a delivery report says about one recipient of the original message.
public struct DeliveryRecipientStatus: Sendable, Hashable {
    /// How a report's outcome for a recipient is classified.
    public enum Outcome: String, Sendable, Hashable {
        /// The message will never arrive (`Action: failed` with a 5.x.x status).
        case permanentFailure = "permanent-failure"
        /// The MTA gave up on a condition that might clear (`Action: failed` with 4.x.x).
        case temporaryFailure = "temporary-failure"
        /// The MTA is still trying (`Action: delayed`).
        case delayed
        /// The message was delivered, relayed or expanded (`Action: delivered`, ...).
        case delivered
    }

    /// `Final-Recipient`: the address the reporting MTA tried, without its `rfc822;` type.
    public var finalRecipient: String?
    /// `Original-Recipient`: the address as the sender gave it, when the report includes it.
    public var originalRecipient: String?
    /// `Action`, lower-cased (`failed`, `delayed`, `delivered`, `relayed`, `expanded`).
    public var action: String?
    /// `Status`, the enhanced status code.
    public var status: DeliveryStatusCode?
    /// `Diagnostic-Code` without its type (`smtp;`): usually the remote server's reply.
    public var diagnosticCode: String?

    /// Creates a recipient's status.
    public init(
        finalRecipient: String?, originalRecipient: String? = nil, action: String?, status: DeliveryStatusCode?,
        diagnosticCode: String? = nil
    ) {
        self.finalRecipient = finalRecipient
        self.originalRecipient = originalRecipient
        self.action = action
        self.status = status
        self.diagnosticCode = diagnosticCode
    }

    /// The recipient's address: the original one when known (it is what Rhythm sent to),
    /// else the final one.
    public var recipient: String? { originalRecipient ?? finalRecipient }

    /// The outcome, from `Action` first and the status class second; nil when neither says.
    public var outcome: Outcome? {
        switch action {
        case "delayed": return .delayed
        case "delivered", "relayed", "expanded": return .delivered
        case "failed": return status?.statusClass == 4 ? .temporaryFailure : .permanentFailure
        default:
            switch status?.statusClass {
            case 5: return .permanentFailure
            case 4: return .temporaryFailure
            case 2: return .delivered
            default: return nil
            }
        }
    }
}

/// A delivery report about a message Rhythm sent: a bounce, a delay warning or a success
/// notice, per recipient, and the `Message-ID` of the original so the outbox entry can be found.
///
/// Two forms are read:
/// - **RFC 3464 reports** (`multipart/report; report-type=delivery-status`): what Postfix,
///   Exchange, Gmail, Exim and most current MTAs send. The `message/delivery-status` part gives
///   each recipient's fields exactly; the original's `Message-ID` comes from the returned
///   `message/rfc822` or `text/rfc822-headers` part.
/// - **Plain-text bounces** (qmail, old Exim and Sendmail, some appliances), recognised only
///   when the message comes from a mailer daemon (`From` local part `mailer-daemon`,
///   `postmaster` or `mail-delivery-subsystem`, or an empty `Return-Path`). The text before the
///   quoted copy of the original (which starts at a `---` separator line or at its first
///   `Return-Path:`, `Received:` or `Message-ID:` line) is read paragraph by paragraph: a
///   paragraph that holds an address and a status becomes a recipient. The status is the
///   enhanced code when there is one (`550 5.1.1 ...`, qmail's `(#5.1.1)`), else `class.0.0`
///   from a bare SMTP reply (`451 Greylisted`). The original `Message-ID` is the first
///   `Message-ID:` line of the quoted copy. Wording is never interpreted (no "user unknown"
///   phrase lists, no languages): a plain-text bounce without any code gives no recipients,
///   and the caller should treat it as unreadable rather than guess; a plain-text delay
///   warning reads as a temporary failure, which is counted the same way.
public struct DeliveryReport: Sendable, Hashable {
    /// Which form the report came in.
    public enum Form: String, Sendable, Hashable {
        /// An RFC 3464 `message/delivery-status` part.
        case standard
        /// A plain-text bounce read by its SMTP reply codes.
        case plainText = "plain-text"
    }

    /// Which form the report came in.
    public var form: Form
    /// `Reporting-MTA` without its `dns;` type, when the report names it.
    public var reportingMTA: String?
    /// One entry per recipient the report speaks about.
    public var recipients: [DeliveryRecipientStatus]
    /// The `Message-ID` of the original message without angle brackets, when returned.
    public var originalMessageID: String?

    /// Creates a report.
    public init(
        form: Form, reportingMTA: String?, recipients: [DeliveryRecipientStatus], originalMessageID: String?
    ) {
        self.form = form
        self.reportingMTA = reportingMTA
        self.recipients = recipients
        self.originalMessageID = originalMessageID
    }

    /// Reads the report a message carries, or nil when the message is not a delivery report.
    public init?(message: ReceivedMessage) {
        if let status = message.parts.first(where: {
            $0.mediaType == "message/delivery-status" || $0.mediaType == "message/global-delivery-status"
        }) {
            self.init(standard: status, in: message)
        } else if Self.isFromMailerDaemon(message), let text = message.plainText {
            self.init(plainText: text)
        } else {
            return nil
        }
    }

    private init(standard status: MessagePart, in message: ReceivedMessage) {
        let groups = Self.fieldGroups(status.text ?? "")
        let perMessage = groups.first ?? MessageHeader(fields: [])
        let recipients = groups.dropFirst().compactMap { group -> DeliveryRecipientStatus? in
            let final = group["Final-Recipient"].map(Self.withoutType)
            let original = group["Original-Recipient"].map(Self.withoutType)
            guard final != nil || original != nil else { return nil }
            return DeliveryRecipientStatus(
                finalRecipient: final,
                originalRecipient: original,
                action: group["Action"].map { $0.lowercased().trimmingCharacters(in: .whitespaces) },
                status: group["Status"].flatMap(DeliveryStatusCode.init(searching:)),
                diagnosticCode: group["Diagnostic-Code"].map { Self.collapsingWhitespace(Self.withoutType($0)) }
            )
        }
        let original = message.parts.first {
            ["message/rfc822", "text/rfc822-headers", "message/global", "message/global-headers"].contains($0.mediaType)
        }
        self.init(
            form: .standard,
            reportingMTA: perMessage["Reporting-MTA"].map(Self.withoutType),
            recipients: recipients,
            originalMessageID: original.flatMap { Self.messageID(in: $0.content[...]) }
        )
    }

    private init(plainText text: String) {
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(
            separator: "\n", omittingEmptySubsequences: false)
        let copyStart = lines.firstIndex(where: Self.startsQuotedCopy) ?? lines.endIndex
        var recipients: [DeliveryRecipientStatus] = []
        for paragraph in Self.paragraphs(lines[..<copyStart]) {
            let joined = paragraph.joined(separator: " ")
            guard let address = Self.firstAddress(in: joined),
                let status = DeliveryStatusCode(searching: joined)
                    ?? Self.smtpReplyClass(in: joined).map({
                        DeliveryStatusCode(statusClass: $0, subject: 0, detail: 0)
                    })
            else { continue }
            recipients.append(
                DeliveryRecipientStatus(
                    finalRecipient: address,
                    action: status.statusClass == 2 ? "delivered" : "failed",
                    status: status,
                    diagnosticCode: Self.collapsingWhitespace(joined)
                )
            )
        }
        let messageIDLine = lines[copyStart...].first { Self.isHeaderLine($0, named: "Message-ID") }
        let messageID = messageIDLine.flatMap { line -> String? in
            line.firstIndex(of: ":").flatMap { MessageIDs.list(parsing: String(line[line.index(after: $0)...])).first }
        }
        self.init(form: .plainText, reportingMTA: nil, recipients: recipients, originalMessageID: messageID)
    }

    /// Splits a `message/delivery-status` body into its field groups (blank-line separated);
    /// the first is per-message, each other one per recipient.
    private static func fieldGroups(_ text: String) -> [MessageHeader] {
        var groups: [MessageHeader] = []
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            while let first = bytes.first, first == 0x0D || first == 0x0A { bytes = bytes.dropFirst() }
            guard !bytes.isEmpty else { break }
            let (group, next) = MessageHeader.read(bytes)
            if !group.fields.isEmpty { groups.append(group) }
            guard next > bytes.startIndex else { break }
            bytes = bytes[next...]
        }
        return groups
    }

    /// `rfc822; ana@example.org` gives `ana@example.org`; a value without a type is kept whole.
    private static func withoutType(_ value: String) -> String {
        guard let semicolon = value.firstIndex(of: ";") else { return value.trimmingCharacters(in: .whitespaces) }
        return value[value.index(after: semicolon)...].trimmingCharacters(in: .whitespaces)
    }

    /// Folded diagnostics keep the continuation's indentation; one space reads better in logs.
    private static func collapsingWhitespace(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    private static func messageID(in headers: ArraySlice<UInt8>) -> String? {
        MessageHeader.read(headers).header["Message-ID"].flatMap { MessageIDs.list(parsing: $0).first }
    }

    private static func isFromMailerDaemon(_ message: ReceivedMessage) -> Bool {
        if let returnPath = message.header["Return-Path"], returnPath.filter({ !$0.isWhitespace }) == "<>" {
            return true
        }
        let daemons: Set<String> = ["mailer-daemon", "postmaster", "mail-delivery-subsystem"]
        return message.from.contains { address in
            let local = address.address.split(separator: "@").first.map { $0.lowercased() } ?? ""
            return daemons.contains(local)
        }
    }

    private static func isHeaderLine(_ line: Substring, named name: String) -> Bool {
        let trimmed = line.drop { $0 == " " || $0 == "\t" || $0 == ">" }
        return trimmed.lowercased().hasPrefix(name.lowercased() + ":")
    }

    private static func paragraphs(_ lines: ArraySlice<Substring>) -> [[Substring]] {
        lines.split { $0.allSatisfy(\.isWhitespace) }.map(Array.init)
    }

    /// The first `local@domain` in the text, without brackets or trailing punctuation.
    private static func firstAddress(in text: String) -> String? {
        for word in text.split(whereSeparator: { $0.isWhitespace || "<>()\"',;".contains($0) }) {
            let candidate = word.trimmingCharacters(in: CharacterSet(charactersIn: ".:"))
            let pieces = candidate.split(separator: "@", omittingEmptySubsequences: false)
            if pieces.count == 2, !pieces[0].isEmpty, pieces[1].contains(".") { return candidate }
        }
        return nil
    }

    /// The class (2, 4 or 5) of the first SMTP reply code in the text: a word of three
    /// digits, alone or followed by `-` (a multi-line reply); digits inside an IP address or a
    /// date are not words of their own and do not count.
    private static func smtpReplyClass(in text: String) -> Int? {
        for word in text.split(whereSeparator: \.isWhitespace) {
            let token = word.trimmingCharacters(in: CharacterSet(charactersIn: "(#:,;)"))
            let digits = token.prefix { $0.isNumber }
            guard digits.count == 3, token.count == 3 || token.dropFirst(3).first == "-",
                let code = Int(digits), [2, 4, 5].contains(code / 100)
            else { continue }
            return code / 100
        }
        return nil
    }

    /// Whether a line starts the copy of the original message that bounces quote: a
    /// separator line (`--- Below this line is a copy of the message.`) or one of the header
    /// fields every copy begins with.
    private static func startsQuotedCopy(_ line: Substring) -> Bool {
        line.hasPrefix("---")
            || ["Return-Path", "Received", "Message-ID", "DKIM-Signature"].contains { isHeaderLine(line, named: $0) }
    }
}
