/// Where an agenda item goes among the items of its meeting: the one notion of "reorder"
/// that `rhythm agenda move`, the JSON API and the console share.
public enum AgendaPlacement: Hashable, Sendable {
    /// At this place, counted from 1 among the items on the agenda; the items from there on
    /// move down one.
    case position(Int)
    /// Just before the item with this id.
    case before(Int64)
    /// Just after the item with this id.
    case after(Int64)
    /// After every other item: where a new item goes, and where an item moved to another
    /// meeting lands unless told otherwise.
    case end

    /// Why a placement cannot be followed.
    public enum Problem: Error, Hashable, Sendable {
        /// A position outside 1...count, where count includes the item being placed.
        case positionOutOfRange(Int, count: Int)
        /// Before or after the item itself.
        case relativeToItself
        /// Before or after an item that is not on this meeting's agenda.
        case notOnAgenda(Int64)
    }

    /// The ids of a meeting's items in their new order, with `id` placed here.
    ///
    /// - Parameter order: the ids of the items on the destination meeting's agenda in their
    ///   present order, with or without `id` (without it when the item comes from another
    ///   meeting).
    public func order(placing id: Int64, among order: [Int64]) -> Result<[Int64], Problem> {
        var others = order.filter { $0 != id }
        switch self {
        case .end:
            others.append(id)
        case .position(let position):
            guard (1...others.count + 1).contains(position) else {
                return .failure(.positionOutOfRange(position, count: others.count + 1))
            }
            others.insert(id, at: position - 1)
        case .before(let other), .after(let other):
            guard other != id else { return .failure(.relativeToItself) }
            guard let index = others.firstIndex(of: other) else { return .failure(.notOnAgenda(other)) }
            if case .after = self {
                others.insert(id, at: index + 1)
            } else {
                others.insert(id, at: index)
            }
        }
        return .success(others)
    }
}
