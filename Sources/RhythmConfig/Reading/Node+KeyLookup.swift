import Yams

extension Node.Mapping {
    /// The value under the key written as `name`.
    ///
    /// Compares the keys' text alone, as the decoder does; Yams' `subscript(String)` builds a
    /// node for the name and copies every pair it passes. Keys are unique once `YAMLDocument`
    /// has renamed the duplicates.
    func value(forKey name: String) -> Node? {
        for index in indices where self[index].key.scalar?.string == name {
            return self[index].value
        }
        return nil
    }
}
