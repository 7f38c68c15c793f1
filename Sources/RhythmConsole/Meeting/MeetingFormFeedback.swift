/// A form sent back with problems: which form, what was typed (so nothing is lost), and the
/// problem of each field, by the field's id; problems about the whole form under ``formKey``.
struct MeetingFormFeedback: Sendable {
    /// The key of a problem that belongs to no one field.
    static let formKey = ""

    /// `cancel`, `move`, `add`, or `edit-<item id>`.
    let form: String
    let values: [String: String]
    var problems: [String: String] = [:]

    init(form: String, values: [String: String]) {
        self.form = form
        self.values = values
    }

    /// Adds `message` to the field's problems (a field may have more than one).
    mutating func report(_ field: String, _ message: String) {
        problems[field] = problems[field].map { "\($0) \(message)" } ?? message
    }

    var hasProblems: Bool { !problems.isEmpty }
}
