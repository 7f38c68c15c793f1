import RhythmCore
import RhythmStore

extension Initiative {
    /// The ids the configuration defines for one kind of feed subject.
    func ids(of kind: FeedSubject.Kind) -> [String] {
        switch kind {
        case .partner: partners.map(\.id)
        case .person: people.map(\.id)
        case .group: groups.map(\.id)
        }
    }

    /// The display name of a feed's subject; nil when the configuration no longer has it.
    func name(of subject: FeedSubject) -> String? {
        switch subject {
        case .partner(let id): partners.first { $0.id == id }?.name
        case .person(let id): people.first { $0.id == id }?.name
        case .group(let id): groups.first { $0.id == id }?.name
        }
    }
}
