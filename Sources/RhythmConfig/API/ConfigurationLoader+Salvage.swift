import Foundation
import RhythmCore

/// What can still be read from a configuration file that has errors elsewhere.
public struct SalvagedSettings: Sendable {
    /// The `service:` section, when it is valid by itself (defaults when it is absent).
    public var service: ServiceSettings?
    /// `initiative.time_zone`, when it names a zone.
    public var timeZone: TimeZone?
}

extension ConfigurationLoader {
    /// Reads only the service settings and the initiative's zone from the file at `path`,
    /// ignoring mistakes anywhere else.
    ///
    /// `rhythm status` uses it when the file does not load: the running service keeps its
    /// last good configuration, and an operator who just broke the file still needs to know
    /// where it listens and how it is doing. Nothing here is valid enough to run on.
    public func salvage(path: String) -> SalvagedSettings {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return SalvagedSettings() }
        let log = DiagnosticLog(file: path)
        let document = YAMLDocument(text: text, log: log)
        guard let root = document.root else { return SalvagedSettings() }
        let decoder = ConfigurationDecoder(log: log, duplicateKeys: document.duplicateKeys)
        guard
            let sections = decoder.fields(
                of: ConfigValue(node: root, path: ConfigPath()), allowed: ConfigurationDecoder.sections)
        else { return SalvagedSettings() }
        let zone = sections.optional("initiative")
            .flatMap { decoder.fields(of: $0, allowed: ["name", "time_zone", "domain", "quiet_hours"]) }
            .flatMap { $0.optional("time_zone") }
            .flatMap(decoder.timeZone)
        return SalvagedSettings(service: decoder.serviceSettings(sections.optional("service")), timeZone: zone)
    }
}
