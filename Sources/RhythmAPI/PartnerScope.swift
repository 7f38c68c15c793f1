import RhythmCore

/// What a partner-limited token may name in a body it writes, checked reference by
/// reference so that such a token cannot reach past its partner through any of them: an
/// owner or presenter outside the partner would receive the reminders, a group or series
/// the partner is not in would put the action on other partners' agendas.
///
/// The rules: people of the partner; groups the partner belongs to, as a whole or through
/// one of its people; series the partner attends (directly, through a group or through one
/// of its people); and the partner itself. Every reference out of reach is collected, with
/// its JSON pointer, for one 403 answer.
struct PartnerScope {
    let partnerID: String
    let initiative: Initiative
    private(set) var problems: [FieldProblem] = []

    init(partnerID: String, initiative: Initiative) {
        self.partnerID = partnerID
        self.initiative = initiative
    }

    /// A person named in `field`: an owner or a presenter.
    mutating func person(_ id: String?, in field: String) {
        guard let id, initiative.people.first(where: { $0.id == id })?.partnerID != partnerID else { return }
        problems.append(
            .field(field, "\(id) is not a person of partner \(partnerID); this token may name only its people."))
    }

    /// A person named by the path parameter `name`, whose answer is written; someone the
    /// configuration does not have is out of reach too.
    mutating func pathPerson(_ id: String, in name: String) {
        guard initiative.people.first(where: { $0.id == id })?.partnerID != partnerID else { return }
        problems.append(
            .parameter(name, "\(id) is not a person of partner \(partnerID); this token may write only its people's."))
    }

    /// A group named in `field`.
    mutating func group(_ id: String?, in field: String) {
        guard let id, let group = initiative.groups.first(where: { $0.id == id }) else { return }
        let throughPeople = initiative.people.contains {
            $0.partnerID == partnerID && group.memberPeople.contains($0.id)
        }
        guard !group.memberPartners.contains(partnerID), !throughPeople else { return }
        problems.append(
            .field(field, "Partner \(partnerID) is not in group \(id); this token may name only groups it belongs to."))
    }

    /// A series named in `field`.
    mutating func series(_ id: String?, in field: String) {
        guard let id, !APIRoutes.attends(partnerID, seriesID: id, in: initiative) else { return }
        problems.append(
            .field(
                field, "Partner \(partnerID) does not attend series \(id); this token may name only series it attends.")
        )
    }

    /// The owner, group and series an action body names (nil where it names none).
    mutating func action(owner: String?, group groupID: String?, series seriesID: String?) {
        person(owner, in: "owner_id")
        group(groupID, in: "group_id")
        series(seriesID, in: "series_id")
    }

    /// A partner named in `field`.
    mutating func partner(_ id: String?, in field: String) {
        guard let id, id != partnerID else { return }
        problems.append(.field(field, "This token writes only for partner \(partnerID), not for \(id)."))
    }

    /// A change of the partner in `field`, where null (no partner) is also out of reach.
    mutating func partnerChange(_ change: String??, in field: String) {
        switch change {
        case .none: return
        case .some(.some(let id)): partner(id, in: field)
        case .some(.none):
            problems.append(.field(field, "This token writes only for partner \(partnerID); it may not clear it."))
        }
    }

    /// Throws a 403 naming every reference out of reach; returns when there is none.
    func finish() throws(APIProblem) {
        guard problems.isEmpty else { throw APIProblem.outsidePartner(partnerID, problems) }
    }
}
