import Foundation

extension TimeZone {
    /// The zone with exactly this IANA name, such as `Australia/Melbourne` or `Asia/Kolkata`:
    /// any zone or link name of the system's time-zone database (see `TimeZoneDatabase`).
    ///
    /// `TimeZone(identifier:)` also accepts abbreviations and offsets (`AEST`, `GMT+5`) that
    /// do not follow daylight-saving rules; a meeting needs the real, named zone.
    public static func named(_ identifier: String) -> TimeZone? {
        TimeZoneDatabase.system.zone(named: identifier)
    }
}
