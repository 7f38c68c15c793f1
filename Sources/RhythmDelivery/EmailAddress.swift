/// An e-mail address with an optional display name, checked before it reaches a header or
/// an SMTP envelope.
///
/// Only plain `local@domain` addresses are accepted (no quoted local parts, comments or
/// source routes): enough for every real recipient, and nothing an attacker can bend into a
/// second header or an extra SMTP command.
public struct EmailAddress: Hashable, Sendable, CustomStringConvertible {
    /// The bare address, `local@domain`.
    public let address: String
    /// The display name, such as `Thriving Futures Backbone`.
    public let displayName: String?

    /// Checks `address` and `displayName`; throws ``DeliveryError`` with `headerInjection` for a
    /// line break and `invalidAddress` for anything else wrong.
    public init(_ address: String, displayName: String? = nil) throws(DeliveryError) {
        try HeaderCheck.refuseLineBreaks(address, field: "address")
        if let displayName {
            try HeaderCheck.refuseLineBreaks(displayName, field: "display name")
            try HeaderCheck.refuseControlCharacters(displayName, field: "display name")
        }
        guard Self.isValid(address) else {
            throw DeliveryError(.invalidAddress, "\"\(address)\" is not an e-mail address Rhythm can send to")
        }
        self.address = address
        self.displayName = displayName?.isEmpty == true ? nil : displayName
    }

    /// Reads `Name <local@domain>` or a bare `local@domain`, as written in configuration.
    public init(parsing text: String) throws(DeliveryError) {
        try HeaderCheck.refuseLineBreaks(text, field: "address")
        let trimmed = text.trimmingSpaces
        if trimmed.hasSuffix(">"), let open = trimmed.lastIndex(of: "<") {
            var name = trimmed[..<open].trimmingSpaces
            if name.count >= 2, name.hasPrefix("\""), name.hasSuffix("\"") {
                name = String(name.dropFirst().dropLast())
            }
            let address = String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)])
            try self.init(address, displayName: name.isEmpty ? nil : name)
        } else {
            try self.init(trimmed)
        }
    }

    /// The part after the `@`, for Message-IDs.
    public var domain: String {
        String(address[address.index(after: address.lastIndex(of: "@")!)...])
    }

    public var description: String {
        if let displayName { "\(displayName) <\(address)>" } else { address }
    }

    /// The header form: the display name quoted or RFC 2047-encoded, then `<address>`.
    var headerValue: String {
        guard let displayName else { return address }
        return "\(HeaderEncoding.phrase(displayName)) <\(address)>"
    }

    private static let localCharacters = Set(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/=?^_`{|}~.".utf8
    )
    private static let domainCharacters = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-".utf8)

    static func isValid(_ address: String) -> Bool {
        let bytes = Array(address.utf8)
        guard bytes.count <= 254, let at = bytes.lastIndex(of: UInt8(ascii: "@")) else { return false }
        let local = bytes[..<at]
        let domain = bytes[(at + 1)...]
        guard !local.isEmpty, local.count <= 64, local.allSatisfy(localCharacters.contains),
            local.first != UInt8(ascii: "."), local.last != UInt8(ascii: "."),
            !address.contains("..")
        else { return false }
        let labels = domain.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return false }
        return labels.allSatisfy { label in
            !label.isEmpty && label.count <= 63 && label.allSatisfy(domainCharacters.contains)
                && label.first != UInt8(ascii: "-") && label.last != UInt8(ascii: "-")
        }
    }
}

extension StringProtocol {
    var trimmingSpaces: String {
        String(drop(while: { $0 == " " || $0 == "\t" }).reversed().drop(while: { $0 == " " || $0 == "\t" }).reversed())
    }
}

/// The checks every header value passes before it is written.
enum HeaderCheck {
    /// Refuses CR and LF by their UTF-8 bytes: in Swift `"\r\n"` is one Character, so
    /// `contains("\n")` would miss it.
    static func refuseLineBreaks(_ value: String, field: String) throws(DeliveryError) {
        if value.utf8.contains(where: { $0 == 10 || $0 == 13 }) {
            throw DeliveryError(.headerInjection, "the \(field) contains a line break, which could inject a header")
        }
    }

    /// Refuses other control characters (NUL, ESC, DEL...), which have no place in a header.
    static func refuseControlCharacters(_ value: String, field: String) throws(DeliveryError) {
        if value.unicodeScalars.contains(where: { ($0.value < 32 && $0 != "\t") || $0.value == 127 }) {
            throw DeliveryError(.invalidHeader, "the \(field) contains a control character")
        }
    }
}
