extension Initiative {
    /// The ids of everyone invited to `series`: named people, members of named groups, and
    /// every person of a named partner (directly or through a group), in a stable order.
    public func attendeeIDs(of series: MeetingSeries) -> [String] {
        var partnerIDs = Set(series.attendees.partnerIDs)
        var personIDs = Set(series.attendees.personIDs)
        for group in groups where series.attendees.groupIDs.contains(group.id) {
            partnerIDs.formUnion(group.memberPartners)
            personIDs.formUnion(group.memberPeople)
        }
        return people.filter { person in
            personIDs.contains(person.id) || person.partnerID.map(partnerIDs.contains) == true
        }.map(\.id)
    }

    /// Whether `personID` is invited to `series`, as attendee or organiser.
    public func isAttending(personID: String, series: MeetingSeries) -> Bool {
        series.organizerID == personID || attendeeIDs(of: series).contains(personID)
    }

    /// Whether the group `groupID` is invited to `series` as a group.
    public func isAttending(groupID: String, series: MeetingSeries) -> Bool {
        series.attendees.groupIDs.contains(groupID)
    }

    /// Whether `partnerID` takes part in `series`: named itself, through a group, or
    /// through one of its people.
    public func isAttending(partnerID: String, series: MeetingSeries) -> Bool {
        if series.attendees.partnerIDs.contains(partnerID) { return true }
        let groupsOfSeries = groups.filter { series.attendees.groupIDs.contains($0.id) }
        if groupsOfSeries.contains(where: { $0.memberPartners.contains(partnerID) }) { return true }
        return people.contains { $0.partnerID == partnerID && isAttending(personID: $0.id, series: series) }
    }
}
