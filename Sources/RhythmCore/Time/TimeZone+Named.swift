import Foundation

extension TimeZone {
    /// The zone with exactly this IANA name, such as `Australia/Melbourne`.
    ///
    /// `TimeZone(identifier:)` also accepts abbreviations and offsets (`AEST`, `GMT+5`) that
    /// do not follow daylight-saving rules; a meeting needs the real, named zone.
    public static func named(_ identifier: String) -> TimeZone? {
        guard identifier == "UTC" || knownTimeZoneIdentifiers.contains(identifier) else { return nil }
        return TimeZone(identifier: identifier)
    }
}
