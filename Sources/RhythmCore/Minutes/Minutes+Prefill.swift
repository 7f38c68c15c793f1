extension Minutes {
    /// The draft a minute-taker starts from when none is saved: one attendance line per
    /// attendee (the organiser first), filled from their answers, and an empty note for each
    /// agenda item of the meeting.
    ///
    /// "I'll be there" becomes present and apologies stay apologies, with their note and the
    /// colleague who comes instead. A tentative answer or none leaves the line blank rather
    /// than absent: whether someone was missing is for the minute-taker to say.
    public static func prefilled(
        for occurrence: Occurrence, initiative: Initiative, answers: [Attendance], items: [AgendaItem]
    ) -> Minutes {
        let series = occurrence.series
        let date = occurrence.originalStart.date
        let attendeeIDs = MinutesMail.recipientIDs(of: series, initiative: initiative)
        let answerByPerson = Dictionary(
            answers.filter { $0.seriesID == series.id && $0.occurrenceDate == date }.map { ($0.personID, $0) }
        ) { _, latest in latest }
        let names = Dictionary(initiative.people.map { ($0.id, $0.name) }) { first, _ in first }
        let attendance = attendeeIDs.map { personID in
            guard let answer = answerByPerson[personID] else { return AttendanceMark(personID: personID, mark: nil) }
            switch answer.response {
            case .attending:
                return AttendanceMark(personID: personID, mark: .present, note: answer.note)
            case .tentative:
                return AttendanceMark(personID: personID, mark: nil, note: answer.note)
            case .apologies:
                let delegate = answer.delegateID.map { "\(names[$0] ?? $0) comes instead" }
                let note = [answer.note, delegate].compactMap { $0 }.joined(separator: "; ")
                return AttendanceMark(personID: personID, mark: .apologies, note: note.isEmpty ? nil : note)
            }
        }
        let itemNotes = items.filter { $0.seriesID == series.id && $0.occurrenceDate == date }.map {
            ItemNote(agendaItemID: $0.id, title: $0.title, notes: "")
        }
        return Minutes(seriesID: series.id, occurrenceDate: date, attendance: attendance, itemNotes: itemNotes)
    }
}
