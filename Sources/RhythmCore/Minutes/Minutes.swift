/// What was recorded of one meeting: who was there, what was said about each agenda item,
/// what was decided, and which actions were raised.
///
/// The minutes belong to the occurrence named by the date the rule gave it (as answers and
/// agenda items do), so they stay with their meeting when it moves. They are one document,
/// saved whole while they are a draft; publishing makes a copy official (see the store).
public struct Minutes: Hashable, Sendable, Codable {
    /// Whether an attendee was at the meeting, as the minutes record it.
    public enum Mark: String, CaseIterable, Hashable, Sendable, Codable {
        case present
        case apologies
        case absent
    }

    /// One attendee's line in the minutes; a nil mark is a line not filled in yet.
    public struct AttendanceMark: Hashable, Sendable, Codable {
        public var personID: String
        public var mark: Mark?
        /// What the attendee sent with their apologies, or what the minute-taker adds.
        public var note: String?

        public init(personID: String, mark: Mark?, note: String? = nil) {
            self.personID = personID
            self.mark = mark
            self.note = note
        }

        private enum CodingKeys: String, CodingKey {
            case personID = "person_id", mark, note
        }
    }

    /// The notes taken on one agenda item, named by the item's id.
    public struct ItemNote: Hashable, Sendable, Codable {
        public var agendaItemID: Int64
        /// The item's title when the notes were taken, so the minutes read the same after the
        /// item is withdrawn or renamed.
        public var title: String
        public var notes: String

        public init(agendaItemID: Int64, title: String, notes: String) {
            self.agendaItemID = agendaItemID
            self.title = title
            self.notes = notes
        }

        private enum CodingKeys: String, CodingKey {
            case agendaItemID = "agenda_item_id", title, notes
        }
    }

    /// A decision taken at the meeting. Its number in the series' decision log is given when
    /// the minutes are first published with it, and kept through corrections.
    public struct Decision: Hashable, Sendable, Codable {
        public var number: Int?
        public var text: String
        /// The agenda item it was taken under, if any.
        public var agendaItemID: Int64?

        public init(number: Int? = nil, text: String, agendaItemID: Int64? = nil) {
            self.number = number
            self.text = text
            self.agendaItemID = agendaItemID
        }

        private enum CodingKeys: String, CodingKey {
            case number, text, agendaItemID = "agenda_item_id"
        }
    }

    /// An action raised at the meeting. Saving the minutes creates it as a real `Action` (of
    /// the series, raised on the meeting's date) and keeps its id here; a later save with the
    /// id changes that action's title, owner and due date.
    public struct RaisedAction: Hashable, Sendable, Codable {
        public var actionID: Int64?
        public var title: String
        /// A person of the initiative.
        public var ownerID: String
        public var due: LocalDate?

        public init(actionID: Int64? = nil, title: String, ownerID: String, due: LocalDate? = nil) {
            self.actionID = actionID
            self.title = title
            self.ownerID = ownerID
            self.due = due
        }

        private enum CodingKeys: String, CodingKey {
            case actionID = "action_id", title, ownerID = "owner_id", due
        }
    }

    public var seriesID: String
    /// The date the rule gave the occurrence.
    public var occurrenceDate: LocalDate
    /// One line per attendee, in the order of the series' attendees.
    public var attendance: [AttendanceMark]
    /// Notes per agenda item, in the agenda's order.
    public var itemNotes: [ItemNote]
    /// Notes that belong to no single item.
    public var generalNotes: String?
    public var decisions: [Decision]
    public var actions: [RaisedAction]

    public init(
        seriesID: String, occurrenceDate: LocalDate, attendance: [AttendanceMark] = [], itemNotes: [ItemNote] = [],
        generalNotes: String? = nil, decisions: [Decision] = [], actions: [RaisedAction] = []
    ) {
        self.seriesID = seriesID
        self.occurrenceDate = occurrenceDate
        self.attendance = attendance
        self.itemNotes = itemNotes
        self.generalNotes = generalNotes
        self.decisions = decisions
        self.actions = actions
    }

    private enum CodingKeys: String, CodingKey {
        case seriesID = "series_id", occurrenceDate = "occurrence_date", attendance, itemNotes = "item_notes"
        case generalNotes = "general_notes", decisions, actions
    }
}
