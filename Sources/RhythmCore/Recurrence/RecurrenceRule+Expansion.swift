import Foundation

extension RecurrenceRule {
    /// The rule's occurrences from DTSTART `start`, as local wall-clock readings in `zone`.
    ///
    /// DTSTART is always the first occurrence and counts towards COUNT, as RFC 5545 requires,
    /// even when it does not match the rule (see `matches(_:from:)` to warn about that).
    /// The sequence stops at COUNT, at UNTIL (inclusive) or after `limit` (inclusive), whichever
    /// comes first. `zone` is only consulted for a UTC UNTIL, which is compared with each
    /// occurrence's instant; everything else works on the wall clock, because meetings are
    /// defined in local time and keep their local time across DST changes.
    public func occurrences(from start: LocalDateTime, in zone: TimeZone, through limit: LocalDateTime? = nil)
        -> RecurrenceSequence
    {
        RecurrenceSequence(rule: self, start: start, zone: zone, limit: limit)
    }

    /// Whether `date` is one of the dates the rule itself produces from DTSTART `start`,
    /// setting aside that DTSTART always counts and that COUNT or UNTIL may end the series.
    ///
    /// `matches(start, from: start)` is false when a start is out of step with its rule (a
    /// rule for Tuesdays starting on a Wednesday), which a user usually wants to hear about:
    /// that first occurrence will happen on a day the rule never names again.
    public func matches(_ date: LocalDateTime, from start: LocalDateTime) -> Bool {
        RecurrencePattern(rule: self, start: start).contains(date)
    }
}
