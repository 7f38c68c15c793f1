/// A content line of a component: a name, ordered parameters and a value in its wire form.
///
/// `value` holds the text exactly as it appears after the colon (escaped TEXT, formatted
/// dates), which is what makes writing deterministic and reading lossless. Callers build
/// values with the typed constructors in `Property+Values.swift` and read them back with the
/// accessors in `Property+Decoding.swift`, so nobody formats or escapes by hand.
public struct Property: Hashable, Sendable {
    /// The upper-case property name, for example `DTSTART`.
    public let name: String
    /// The parameters in the order they are written.
    public var parameters: [Parameter]
    /// The value in its wire form, without folding.
    public let value: String

    /// Creates a property from a value that is already in wire form.
    ///
    /// The name is upper-cased and stripped of characters outside letters, digits and `-`.
    /// Control characters other than HTAB are removed from the value, because a raw CR or LF
    /// would end the content line early and corrupt the whole feed; use `text(_:_:)` for
    /// text that may contain line breaks, which escapes them instead.
    public init(_ name: String, parameters: [Parameter] = [], value: String) {
        self.name = ContentName.normalized(name)
        self.parameters = parameters
        self.value = String(
            String.UnicodeScalarView(value.unicodeScalars.filter { $0 == "\t" || !ContentName.isControl($0) })
        )
    }

    /// The first parameter called `name` (case-insensitive).
    public func parameter(_ name: String) -> Parameter? {
        let wanted = name.uppercased()
        return parameters.first { $0.name == wanted }
    }
}
