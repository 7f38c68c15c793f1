extension LocalDate {
    /// Parses `2027-04-06` (ISO 8601 extended) or `20270406` (the RFC 5545 DATE form).
    ///
    /// Inlinable, so that callers in other modules read the text's bytes through its concrete
    /// type rather than through unspecialized generic calls, which cost microseconds each.
    @inlinable
    public init?(iso text: some StringProtocol) {
        self.init(isoDigits: Array(text.utf8))
    }

    @usableFromInline
    init?(isoDigits digits: [UInt8]) {
        let fields: [Int]?
        switch digits.count {
        case 10 where digits[4] == UInt8(ascii: "-") && digits[7] == UInt8(ascii: "-"):
            fields = [Self.number(digits[0..<4]), Self.number(digits[5..<7]), Self.number(digits[8..<10])]
                .allOrNil()
        case 8:
            fields = [Self.number(digits[0..<4]), Self.number(digits[4..<6]), Self.number(digits[6..<8])].allOrNil()
        default:
            fields = nil
        }
        guard let fields else { return nil }
        self.init(year: fields[0], month: fields[1], day: fields[2])
    }

    static func number(_ digits: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for digit in digits {
            guard digit >= UInt8(ascii: "0"), digit <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(digit - UInt8(ascii: "0"))
        }
        return digits.isEmpty ? nil : value
    }
}

extension LocalTime {
    /// Parses `10:00`, `10:00:30`, or the RFC 5545 forms `1000` and `100030`.
    @inlinable
    public init?(iso text: some StringProtocol) {
        self.init(isoDigits: Array(text.utf8))
    }

    @usableFromInline
    init?(isoDigits digits: [UInt8]) {
        let colon = UInt8(ascii: ":")
        let fields: [Int]?
        switch digits.count {
        case 5 where digits[2] == colon:
            fields = [LocalDate.number(digits[0..<2]), LocalDate.number(digits[3..<5]), 0].allOrNil()
        case 8 where digits[2] == colon && digits[5] == colon:
            fields = [
                LocalDate.number(digits[0..<2]), LocalDate.number(digits[3..<5]), LocalDate.number(digits[6..<8]),
            ]
            .allOrNil()
        case 4:
            fields = [LocalDate.number(digits[0..<2]), LocalDate.number(digits[2..<4]), 0].allOrNil()
        case 6:
            fields = [
                LocalDate.number(digits[0..<2]), LocalDate.number(digits[2..<4]), LocalDate.number(digits[4..<6]),
            ]
            .allOrNil()
        default:
            fields = nil
        }
        guard let fields else { return nil }
        self.init(hour: fields[0], minute: fields[1], second: fields[2])
    }
}

extension LocalDateTime {
    /// Parses `2027-04-06T10:00`, `2027-04-06 10:00:00` or the RFC 5545 form `20270406T100000`.
    ///
    /// A trailing `Z` or offset is not accepted: a local date-time has no zone.
    @inlinable
    public init?(iso text: some StringProtocol) {
        self.init(isoDigits: Array(text.utf8))
    }

    @usableFromInline
    init?(isoDigits bytes: [UInt8]) {
        guard let separator = bytes.firstIndex(where: { $0 == UInt8(ascii: "T") || $0 == UInt8(ascii: " ") }),
            let date = LocalDate(isoDigits: Array(bytes[..<separator])),
            let time = LocalTime(isoDigits: Array(bytes[(separator + 1)...]))
        else { return nil }
        self.init(date: date, time: time)
    }
}

extension Array {
    /// The unwrapped elements, or nil when any element is nil.
    fileprivate func allOrNil<Wrapped>() -> [Wrapped]? where Element == Wrapped? {
        var result: [Wrapped] = []
        result.reserveCapacity(count)
        for element in self {
            guard let element else { return nil }
            result.append(element)
        }
        return result
    }
}
