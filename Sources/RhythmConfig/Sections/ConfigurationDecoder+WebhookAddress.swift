import RhythmCore

/// A chat channel's webhook URL is a secret, so the file only says where it is; when that
/// secret can be read while the file is checked, its scheme is checked too (`https://`, or
/// `http://` to this machine), so that `rhythm check` and a reload refuse an `smtp://` URL
/// before any reminder is due. The service checks again each time it reads the secret.
extension ConfigurationDecoder {
    /// Reports, at the key that points to it, a readable webhook URL that is not a webhook
    /// address, naming where the secret is and never its value. Returns whether it may be used.
    func checkWebhookAddress(_ reference: SecretReference, at place: ConfigValue) -> Bool {
        guard let url = secretLookup?(reference), let problem = WebhookURLPolicy.problem(with: url) else {
            return true
        }
        log.error(
            "the webhook URL in \(reference.location) cannot be used: \(problem); correct the secret",
            at: place.mark, path: place.path)
        return false
    }
}
