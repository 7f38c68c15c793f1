import RhythmCore

extension SecretResolver {
    /// The webhook URL `reference` points at, refused unless it is an address a chat post may
    /// go to (see `WebhookURLPolicy`). Errors name where the secret is, never the URL.
    public func resolveWebhookURL(_ reference: SecretReference) throws(DeliveryError) -> String {
        let url = try resolve(reference)
        if let problem = WebhookURLPolicy.problem(with: url) {
            throw DeliveryError(
                .unusableWebhookURL, "the webhook URL in \(reference.location) cannot be used: \(problem)")
        }
        return url
    }
}
