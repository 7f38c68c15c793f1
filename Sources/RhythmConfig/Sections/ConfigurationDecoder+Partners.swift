import RhythmCore

/// `partners:`, the member organisations.
extension ConfigurationDecoder {
    func decodePartner(_ value: ConfigValue) -> Partner? {
        guard let fields = fields(of: value, allowed: ["id", "name", "sector"]) else { return nil }
        let id = identifier(fields, kind: .partner)
        let name = fields.required("name").flatMap(text)
        let sector = fields.required("sector", "such as community, education or government").flatMap {
            openChoice($0, builtIn: Partner.Sector.named.map(\.name), noun: "sector")
        }
        guard let id, let name, let sector else { return nil }
        return Partner(id: id, name: name, sector: Partner.Sector(name: sector))
    }
}
