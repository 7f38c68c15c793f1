import RhythmCore
import Yams

/// A series' `quorum:`: `{ partners: 4 }` or `{ people: 6 }`, and `check:` (default 2 days),
/// how long before the start the answers are counted.
extension ConfigurationDecoder {
    func quorum(_ value: ConfigValue) -> Quorum? {
        guard let fields = fields(of: value, allowed: ["partners", "people", "check"]) else { return nil }
        let check = fields.optional("check").map(reminderOffset)
        let count: Quorum.Count?
        switch (fields.optional("partners"), fields.optional("people")) {
        case (let partners?, nil):
            count = quorumCount(partners, noun: "partners").map(Quorum.Count.partners)
        case (nil, let people?):
            count = quorumCount(people, noun: "people").map(Quorum.Count.people)
        case (.some, .some):
            log.error(
                "a quorum counts either partners: or people:, not both; keep the one the meeting's rules name",
                at: fields.keyMark("people"), path: value.path.appending("people"))
            count = nil
        case (nil, nil):
            log.error(
                "a quorum needs partners: (how many partners must be represented, like 4) or people: (how many "
                    + "people must come, like 6)",
                at: value.mark, path: value.path)
            count = nil
        }
        guard let count, check != .some(nil) else { return nil }
        return Quorum(count: count, check: (check ?? nil) ?? Quorum.defaultCheck)
    }

    private func quorumCount(_ value: ConfigValue, noun: String) -> Int? {
        guard let text = text(value) else { return nil }
        guard let number = Int(text) else {
            log.error(
                "expected a whole number of \(noun) who must confirm, like 4; found \"\(text)\"", at: value.mark,
                path: value.path)
            return nil
        }
        guard number > 0 else {
            log.error(
                "a quorum of \(number) \(noun) is always met; write how many must confirm (at least 1), or remove "
                    + "quorum:",
                at: value.mark, path: value.path)
            return nil
        }
        return number
    }

    /// Across sections: a quorum warns the organiser by e-mail, so it needs both, and it must
    /// be reachable by those the series invites.
    func checkQuorums(of initiative: Initiative, entries: SectionEntries) {
        for series in initiative.series {
            guard let quorum = series.quorum, let value = entries.value(in: "series", id: series.id, key: "quorum")
            else { continue }
            if series.organizerID == nil {
                log.error(
                    "a quorum warns the series' organiser when it is at risk, and this series has none; add "
                        + "organizer: with a person's id, or remove quorum:",
                    at: value.mark, path: value.path)
            }
            if !initiative.channels.contains(where: \.kind.isEmail) {
                log.error(
                    "the quorum warning goes to the organiser by e-mail, and there is no e-mail channel; add a "
                        + "channel of type email, or remove quorum:",
                    at: value.mark, path: value.path)
            }
            let invited = initiative.people.filter { initiative.attendeeIDs(of: series).contains($0.id) }
            let possible: Int
            switch quorum.count {
            case .people: possible = invited.count
            case .partners: possible = Set(invited.compactMap(\.partnerID)).count
            }
            if quorum.count.needed > possible, let countNode = value.node.mapping?.value(forKey: quorum.count.noun) {
                let countValue = ConfigValue(node: countNode, path: value.path.appending(quorum.count.noun))
                log.error(
                    "a quorum of \(Plural.phrase(quorum.count.needed, quorum.count.unit)) can never be met: the series invites "
                        + "\(Plural.phrase(possible, quorum.count.unit)); "
                        + "lower it to at most \(possible), or invite more under attendees:",
                    at: countValue.mark, path: countValue.path)
            }
        }
    }
}
