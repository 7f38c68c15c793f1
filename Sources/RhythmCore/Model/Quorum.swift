/// How many must confirm for a meeting to be worth holding, and when to check: a series'
/// `quorum:`. When, `check` before the start, fewer have confirmed, the organiser is warned
/// ("quorum at risk") with time to chase answers or call the meeting off.
public struct Quorum: Hashable, Sendable {
    /// What is counted.
    public enum Count: Hashable, Sendable {
        /// Distinct partners with at least one person coming.
        case partners(Int)
        /// People coming: those who answered "I'll be there" and colleagues who come instead.
        case people(Int)

        /// The number the quorum needs.
        public var needed: Int {
            switch self {
            case .partners(let count), .people(let count): count
            }
        }

        /// `partners` or `people`, as the configuration spells it.
        public var noun: String {
            switch self {
            case .partners: "partners"
            case .people: "people"
            }
        }

        /// `partner` or `person`, for `Plural.phrase`.
        public var unit: String {
            switch self {
            case .partners: "partner"
            case .people: "person"
            }
        }
    }

    /// What a series' quorum checks when it does not say: two days before, at the meeting's
    /// own wall-clock time.
    public static let defaultCheck = ReminderOffset(amount: 2, unit: .days)

    public var count: Count
    /// How long before the start the answers are counted; days are counted on the meeting's
    /// clock, so a clock change in between does not move the check by an hour.
    public var check: ReminderOffset

    public init(count: Count, check: ReminderOffset = Quorum.defaultCheck) {
        self.count = count
        self.check = check
    }
}
