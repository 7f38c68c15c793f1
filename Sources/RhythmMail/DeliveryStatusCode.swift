/// An enhanced mail system status code (RFC 3463), such as `5.1.1` (bad destination mailbox).
public struct DeliveryStatusCode: Sendable, Hashable, CustomStringConvertible {
    /// 2 (success), 4 (persistent transient failure) or 5 (permanent failure).
    public var statusClass: Int
    /// The subject (1 addressing, 2 mailbox, 3 mail system, 4 network, 5 protocol, ...).
    public var subject: Int
    /// The detail within the subject.
    public var detail: Int

    /// Creates a code.
    public init(statusClass: Int, subject: Int, detail: Int) {
        self.statusClass = statusClass
        self.subject = subject
        self.detail = detail
    }

    /// Reads the first `class.subject.detail` token of a value such as `5.1.1` or
    /// `5.1.1 (bad destination mailbox address)`; nil when there is none or the class is not
    /// 2, 4 or 5.
    public init?(searching text: some StringProtocol) {
        for word in text.split(whereSeparator: { !$0.isNumber && $0 != "." }) {
            let numbers = word.split(separator: ".", omittingEmptySubsequences: false)
            guard numbers.count == 3, numbers[0].count == 1, (1...3).contains(numbers[1].count),
                (1...3).contains(numbers[2].count), let statusClass = Int(numbers[0]), [2, 4, 5].contains(statusClass),
                let subject = Int(numbers[1]), let detail = Int(numbers[2])
            else { continue }
            self.init(statusClass: statusClass, subject: subject, detail: detail)
            return
        }
        return nil
    }

    /// The code as written, for example `5.1.1`.
    public var description: String { "\(statusClass).\(subject).\(detail)" }
}
