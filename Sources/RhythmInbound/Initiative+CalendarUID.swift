import RhythmCore

extension Initiative {
    /// The series whose calendar UID is `uid`: Rhythm writes `<series id>@<domain>` (see the
    /// feeds' event writer). The id must match exactly; the domain, like any host name,
    /// case-insensitively. Nil for anyone else's event, as a shared mailbox receives them.
    func series(withCalendarUID uid: String) -> MeetingSeries? {
        guard let at = uid.lastIndex(of: "@") else { return nil }
        let id = uid[..<at]
        let domain = uid[uid.index(after: at)...]
        guard domain.lowercased() == self.domain.lowercased() else { return nil }
        return series.first { $0.id == id }
    }

    /// The person whose configured address is `address`, compared case-insensitively.
    func person(withCalendarAddress address: String) -> Person? {
        let wanted = address.lowercased()
        return people.first { $0.email.lowercased() == wanted }
    }
}
