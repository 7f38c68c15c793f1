import RhythmCore

/// `indicators:`, the shared measures.
extension ConfigurationDecoder {
    private static let indicatorKeys = [
        "id", "name", "description", "unit", "direction", "target", "owner", "period", "review",
        "due_business_days_before",
    ]

    func decodeIndicator(_ value: ConfigValue) -> Indicator? {
        guard let fields = fields(of: value, allowed: Self.indicatorKeys) else { return nil }
        let id = identifier(fields, kind: .indicator)
        let name = fields.required("name").flatMap(text)
        let description = fields.optional("description").map(text)
        let unit = fields.required("unit", "what a value counts, such as % or young people").flatMap(text)
        let direction = fields.required("direction", "higher-is-better or lower-is-better").flatMap {
            choice($0, Indicator.Direction.self)
        }
        let target = fields.optional("target").map(number)
        let owner = fields.required("owner", "the person who supplies the data").flatMap { reference($0, to: .person) }
        let period = fields.required("period", "month, quarter, half-year or year").flatMap {
            choice($0, Indicator.ReportingPeriod.self)
        }
        let review = fields.optional("review").map { reference($0, to: .series) }
        let due = fields.optional("due_business_days_before").map {
            integer($0, in: 0...60, meaning: "the number of business days before the review that data is due")
        }
        if fields.has("due_business_days_before"), !fields.has("review") {
            log.warning(
                "due_business_days_before has no effect without review:, the series the data is due for",
                at: fields.keyMark("due_business_days_before"), path: value.path.appending("due_business_days_before"))
        }
        guard let id, let name, let unit, let direction, let owner, let period, description != .some(nil),
            target != .some(nil), review != .some(nil), due != .some(nil)
        else { return nil }
        return Indicator(
            id: id, name: name, description: description ?? nil, unit: unit, direction: direction,
            target: target ?? nil, ownerID: owner, reportingPeriod: period, reviewSeriesID: review ?? nil,
            dueBusinessDaysBeforeReview: (due ?? nil) ?? 5)
    }
}
