/// What became of a button press: recorded, with the line the post shows and the words the
/// person who pressed reads; or refused, with why, and nothing changed.
enum ChatAnswerOutcome: Hashable, Sendable {
    /// `line` is for everyone in the channel ("Mei Lin will be there"); `confirmation` only
    /// for the person who pressed.
    case applied(line: String, confirmation: String)
    case refused(String)

    /// What the person who pressed reads.
    var personalText: String {
        switch self {
        case .applied(_, let confirmation): confirmation
        case .refused(let reason): reason
        }
    }
}
