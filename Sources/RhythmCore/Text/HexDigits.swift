extension Sequence<UInt8> {
    /// The bytes as lower-case hex, two digits each: how digests become Message-IDs, webhook
    /// ids and stored token hashes.
    ///
    /// Written byte by byte into one buffer: `String(format:)` or `String(_:radix:)` per byte
    /// allocate a string each, which showed in the profile of sending ten thousand reminders.
    public var lowercaseHex: String {
        let digits = Array("0123456789abcdef".utf8)
        var output: [UInt8] = []
        output.reserveCapacity(underestimatedCount * 2)
        for byte in self {
            output.append(digits[Int(byte >> 4)])
            output.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: output, as: UTF8.self)
    }
}
