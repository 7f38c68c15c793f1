/// A string in its JSON form, quotes included: escaped once, for a value such as a series'
/// title that thousands of records repeat.
struct JSONString {
    let quoted: [UInt8]

    init(_ text: String) {
        var output = OutputBuffer(capacity: text.utf8.count + 2)
        output.appendJSONString(text)
        quoted = output.bytes
    }
}
