import RhythmCore

/// `groups:`, sets of people and whole partners who meet together.
extension ConfigurationDecoder {
    func decodeGroup(_ value: ConfigValue) -> Group? {
        guard let fields = fields(of: value, allowed: ["id", "name", "kind", "members", "channel"]) else { return nil }
        let id = identifier(fields, kind: .group)
        let name = fields.required("name").flatMap(text)
        let kind = fields.required("kind", "such as working-group or leadership-table").flatMap {
            openChoice($0, builtIn: Group.Kind.named.map(\.name), noun: "group kind")
        }
        let members = fields.optional("members").map(groupMembers)
        let channel = fields.optional("channel").map { reference($0, to: .channel) }
        guard let id, let name, let kind, members != .some(nil), channel != .some(nil) else { return nil }
        let listed = (members ?? nil) ?? GroupMembers()
        if listed.people.isEmpty, listed.partners.isEmpty {
            log.warning(
                "the group has no members, so meetings of this group invite nobody; add members: people: [...] or partners: [...]",
                at: fields.keyMark("members") ?? value.mark, path: value.path.appending("members"))
        }
        return Group(
            id: id, name: name, kind: Group.Kind(name: kind), memberPeople: listed.people,
            memberPartners: listed.partners,
            channelID: channel ?? nil)
    }

    struct GroupMembers: Equatable {
        var people: [String] = []
        var partners: [String] = []
    }

    private func groupMembers(_ value: ConfigValue) -> GroupMembers? {
        guard let fields = fields(of: value, allowed: ["people", "partners"]) else { return nil }
        let people = fields.optional("people").map { references($0, to: .person) } ?? []
        let partners = fields.optional("partners").map { references($0, to: .partner) } ?? []
        return GroupMembers(people: people, partners: partners)
    }
}
