/// A daily span of local time in which no reminder is delivered; one due inside it waits
/// until the span ends. The span may cross midnight (20:00 to 07:30).
public struct QuietHours: Hashable, Sendable {
    public var start: LocalTime
    public var end: LocalTime

    public init(start: LocalTime, end: LocalTime) {
        self.start = start
        self.end = end
    }

    /// Whether `time` lies inside the quiet span (start included, end excluded).
    public func contains(_ time: LocalTime) -> Bool {
        start <= end ? (start <= time && time < end) : (time >= start || time < end)
    }
}
