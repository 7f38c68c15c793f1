/// Pretty-printed JSON written straight into bytes, laid out exactly as `JSONEncoder` with
/// `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]` lays it out: two spaces per
/// level, `"key" : value`, and an empty container as its brackets around a blank line.
///
/// For output of many thousand records, where building `Encodable` values and sorting their
/// keys at run time costs more than the work itself. The caller writes an object's members
/// in the order they are to appear (ascending by key, for the layout above). Keys are
/// literals in the caller's code and are written as they are: they must need no escaping.
struct JSONWriter {
    private(set) var output: OutputBuffer
    /// For each open container, whether it has an element yet.
    private var hasElements: [Bool] = []
    /// `,\n` and the indentation of the innermost container's elements: what goes before an
    /// element (without the comma and line break before the first), kept ready because
    /// thousands of elements need it.
    private var elementPrefix: [UInt8] = Array(",\n".utf8)
    /// Whether a member's key is written and its value not yet.
    private var awaitsValue = false

    init(capacity: Int = 0) {
        output = OutputBuffer(capacity: capacity)
    }

    /// A writer that writes into `output`, which may pass full chunks on as it goes.
    init(output: consuming OutputBuffer) {
        self.output = output
    }

    /// Lets the output pass on what it holds when it holds a chunk: call between records.
    mutating func writeIfFull() {
        output.writeIfFull()
    }

    /// Opens an object: as the document, an array element, or after `key(_:)`.
    mutating func beginObject() {
        open(UInt8(ascii: "{"))
    }

    mutating func endObject() {
        close(UInt8(ascii: "}"))
    }

    /// Opens an array: as the document, an array element, or after `key(_:)`.
    mutating func beginArray() {
        open(UInt8(ascii: "["))
    }

    mutating func endArray() {
        close(UInt8(ascii: "]"))
    }

    /// Starts an object member whose value, an object or an array, follows.
    mutating func key(_ name: StaticString) {
        startMember(name)
        awaitsValue = true
    }

    /// A string member.
    mutating func member(_ name: StaticString, _ value: String) {
        startMember(name)
        output.appendJSONString(value)
    }

    /// A string member, left out when `value` is nil, as `JSONEncoder` leaves out nil optionals.
    mutating func member(_ name: StaticString, _ value: String?) {
        guard let value else { return }
        member(name, value)
    }

    /// A string member whose JSON form was prepared once, for values written many times.
    mutating func member(_ name: StaticString, _ value: JSONString) {
        startMember(name)
        output.append(value.quoted)
    }

    /// An integer member.
    mutating func member(_ name: StaticString, _ value: Int64) {
        startMember(name)
        output.append(number: value)
    }

    /// A string member whose characters the caller writes into `output` itself, between the
    /// quotes: for values that never need escaping, such as dates and times.
    mutating func member(_ name: StaticString, unescaped write: (inout OutputBuffer) -> Void) {
        startMember(name)
        output.append(byte: UInt8(ascii: "\""))
        write(&output)
        output.append(byte: UInt8(ascii: "\""))
    }

    private mutating func startMember(_ name: StaticString) {
        startElement()
        output.append(byte: UInt8(ascii: "\""))
        output.append(literal: name)
        output.append(literal: "\" : ")
    }

    private mutating func open(_ bracket: UInt8) {
        if awaitsValue {
            awaitsValue = false
        } else {
            startElement()
        }
        output.append(byte: bracket)
        output.append(byte: UInt8(ascii: "\n"))
        hasElements.append(false)
        elementPrefix.append(contentsOf: [UInt8(ascii: " "), UInt8(ascii: " ")])
    }

    private mutating func close(_ bracket: UInt8) {
        hasElements.removeLast()
        elementPrefix.removeLast(2)
        output.append(byte: UInt8(ascii: "\n"))
        elementPrefix.withUnsafeBufferPointer { output.append(UnsafeBufferPointer(rebasing: $0[2...])) }
        output.append(byte: bracket)
    }

    /// Separates an element from the one before it and indents it.
    private mutating func startElement() {
        guard let last = hasElements.indices.last else { return }
        let isFirst = !hasElements[last]
        hasElements[last] = true
        elementPrefix.withUnsafeBufferPointer { output.append(UnsafeBufferPointer(rebasing: $0[(isFirst ? 2 : 0)...])) }
    }
}
