/// A value that holds a secret (a password, a webhook URL, a signing key, the environment
/// they are read from) and so must never be printed.
///
/// Conforming makes every way Swift prints a value show only its type:
/// `String(describing:)` and string interpolation, `String(reflecting:)` and `debugPrint`,
/// `dump` and `Mirror`, and the printing of any value that contains it. A log line that
/// interpolates a service, a sender or a request therefore cannot reveal what it holds.
public protocol Redacted: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {}

extension Redacted {
    /// The type's name, never its contents.
    public var description: String { "\(Self.self)(redacted)" }

    /// The same as ``description``: a debug print is no place for a secret either.
    public var debugDescription: String { description }

    /// No children, so `dump` and reflection stop here.
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}
