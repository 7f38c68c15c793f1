import RhythmConfig
import RhythmDelivery

extension ConfigurationLoader {
    /// A loader that reads the secrets the file points at through `secrets`, so a webhook URL
    /// of the wrong kind is reported at its place in the file by `rhythm check`, at start-up
    /// and on reload; a secret that cannot be read here is left for the channel checks.
    public static func readingSecrets(with secrets: SecretResolver = SecretResolver()) -> ConfigurationLoader {
        ConfigurationLoader(secretLookup: { reference in try? secrets.resolve(reference) })
    }
}
