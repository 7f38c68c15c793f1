/// The result of one webhook POST: the outbox's ``DeliveryOutcome`` plus whether the endpoint
/// must be disabled.
public struct WebhookDelivery: Hashable, Sendable, CustomStringConvertible {
    /// What the outbox does next. A `410 Gone` is a `.permanentFailure` with
    /// ``disablesEndpoint`` set.
    public var outcome: DeliveryOutcome
    /// True when the receiver said the endpoint is gone for good (HTTP 410): stop sending to
    /// this channel and alert an operator.
    public var disablesEndpoint: Bool

    public init(outcome: DeliveryOutcome, disablesEndpoint: Bool = false) {
        self.outcome = outcome
        self.disablesEndpoint = disablesEndpoint
    }

    public var description: String {
        disablesEndpoint ? "\(outcome) (endpoint disabled)" : outcome.description
    }
}
