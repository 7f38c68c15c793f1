/// Where a value sits in the document, written the way a coordinator would point at it:
/// `series[2].exceptions[0].move`.
struct ConfigPath: CustomStringConvertible {
    enum Component {
        case key(String)
        case index(Int)
    }

    private(set) var components: [Component] = []

    func appending(_ key: String) -> ConfigPath {
        var copy = self
        copy.components.append(.key(key))
        return copy
    }

    func appending(index: Int) -> ConfigPath {
        var copy = self
        copy.components.append(.index(index))
        return copy
    }

    var description: String {
        var text = ""
        for component in components {
            switch component {
            case .key(let key): text += text.isEmpty ? key : ".\(key)"
            case .index(let index): text += "[\(index)]"
            }
        }
        return text
    }
}
