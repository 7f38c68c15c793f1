/// A calendar component (`VCALENDAR`, `VEVENT`, `VTIMEZONE`, `STANDARD`, `DAYLIGHT`, any
/// `X-` name) with its properties and subcomponents, both in the order they are written.
///
/// The model is deliberately untyped: it holds exactly what goes on the wire, so that Rhythm
/// decides which properties a feed needs and the library only guarantees that the bytes are
/// valid. Order is kept because clients and golden files compare bytes.
public struct Component: Hashable, Sendable {
    /// The upper-case component name, for example `VEVENT`.
    public let name: String
    /// The properties, written in this order.
    public var properties: [Property]
    /// The nested components, written after the properties, in this order.
    public var components: [Component]

    /// Creates a component; the name is upper-cased and stripped of characters outside
    /// letters, digits and `-`, so that `BEGIN:` and `END:` lines are always valid.
    public init(_ name: String, properties: [Property] = [], components: [Component] = []) {
        self.name = ContentName.normalized(name)
        self.properties = properties
        self.components = components
    }

    /// The first property called `name` (case-insensitive), for properties that occur once.
    public func property(_ name: String) -> Property? {
        let wanted = name.uppercased()
        return properties.first { $0.name == wanted }
    }

    /// Every property called `name` (case-insensitive), for ones that repeat (EXDATE, ATTENDEE).
    public func properties(_ name: String) -> [Property] {
        let wanted = name.uppercased()
        return properties.filter { $0.name == wanted }
    }

    /// The direct subcomponents called `name` (case-insensitive), such as a calendar's events.
    public func components(_ name: String) -> [Component] {
        let wanted = name.uppercased()
        return components.filter { $0.name == wanted }
    }
}

extension Component {
    /// The names RFC 5545 defines that Rhythm writes, so that callers do not spell them by hand.
    public enum Name {
        /// The iCalendar object that wraps everything else.
        public static let calendar = "VCALENDAR"
        /// An event: one meeting or one series of meetings.
        public static let event = "VEVENT"
        /// A time-zone definition that TZID parameters refer to.
        public static let timeZone = "VTIMEZONE"
        /// A time zone's standard-time observance.
        public static let standard = "STANDARD"
        /// A time zone's daylight-saving observance.
        public static let daylight = "DAYLIGHT"
    }
}
