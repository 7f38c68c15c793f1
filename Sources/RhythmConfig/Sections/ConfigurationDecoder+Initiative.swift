import Foundation
import RhythmCore

/// The `initiative:` section: the name, default zone, domain and quiet hours.
extension ConfigurationDecoder {
    struct InitiativeSettings {
        var name: String
        var timeZone: TimeZone
        var domain: String
        var quietHours: QuietHours?
    }

    func initiativeSettings(_ value: ConfigValue) -> InitiativeSettings? {
        guard let fields = fields(of: value, allowed: ["name", "time_zone", "domain", "quiet_hours"]) else {
            return nil
        }
        let name = fields.required("name").flatMap(text)
        let zone = fields.required("time_zone", "an IANA name such as Australia/Melbourne").flatMap(timeZone)
        let domain = fields.required("domain", "a domain the backbone controls, for calendar identifiers")
            .flatMap(domainName)
        let quiet = fields.optional("quiet_hours").map(quietHours)
        guard let name, let zone, let domain, quiet != .some(nil) else { return nil }
        return InitiativeSettings(name: name, timeZone: zone, domain: domain, quietHours: quiet ?? nil)
    }

    private func domainName(_ value: ConfigValue) -> String? {
        guard let text = text(value) else { return nil }
        if text.contains("://") || text.contains("/") {
            log.error(
                "write only the domain, like brightwater-futures.org.au, without https:// or a path",
                at: value.mark, path: value.path)
            return nil
        }
        if let problem = DomainName.check(text) {
            log.error(problem.message, at: value.mark, path: value.path)
            return nil
        }
        return text.lowercased()
    }
}
