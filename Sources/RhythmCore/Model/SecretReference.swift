/// Where a secret lives. The configuration file never holds a secret itself, only a
/// pointer to one, so that it can be kept in version control.
public enum SecretReference: Hashable, Sendable {
    /// A file readable by the service, such as `/etc/rhythm/smtp-password`.
    case file(String)
    /// An environment variable.
    case environment(String)
    /// A systemd credential passed with `LoadCredential=`, read from
    /// `$CREDENTIALS_DIRECTORY/<name>`.
    case systemdCredential(String)

    /// Says where the secret is without revealing it, for messages.
    public var location: String {
        switch self {
        case .file(let path): "file \(path)"
        case .environment(let name): "environment variable \(name)"
        case .systemdCredential(let name): "systemd credential \(name)"
        }
    }
}
