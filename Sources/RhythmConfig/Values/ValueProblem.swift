/// Why a piece of text is not a valid value, in words for the person who wrote it.
struct ValueProblem: Error {
    let message: String
    /// Where in the text the problem starts, in Unicode scalars, when it is not the start.
    var offset: Int = 0

    init(_ message: String, offset: Int = 0) {
        self.message = message
        self.offset = offset
    }
}
