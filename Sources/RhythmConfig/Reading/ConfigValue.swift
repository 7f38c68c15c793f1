import Yams

/// A YAML node together with where it sits in the document, so that anything wrong with it
/// can be reported at its line and column under its key path.
struct ConfigValue {
    let node: Node
    let path: ConfigPath

    var mark: Position? { Position(node.mark) }

    /// A short name for what the node is, for "expected …, found …" messages.
    var kindDescription: String {
        switch node {
        case .mapping: "a mapping (key: value lines)"
        case .sequence: "a list"
        case .alias: "an alias"
        case .scalar(let scalar): scalar.string.isEmpty ? "nothing" : "the text \"\(scalar.string)\""
        }
    }

    /// Whether the node is an empty or `~` scalar: a key written with no value.
    var isNull: Bool {
        guard let scalar = node.scalar else { return false }
        return node.null != nil || (scalar.string.isEmpty && scalar.style == .plain)
    }

    /// How far the scalar's text starts to the right of the node's mark: one for the opening
    /// quote of a quoted scalar, so that columns inside the text come out right.
    var textColumnOffset: Int? {
        guard let scalar = node.scalar else { return nil }
        switch scalar.style {
        case .plain, .any: return 0
        case .singleQuoted, .doubleQuoted: return scalar.string.contains("\n") ? nil : 1
        case .literal, .folded: return nil
        }
    }
}
