import Foundation
import RhythmCore

/// Reads the value a ``SecretReference`` points at, at the moment it is needed, so a rotated
/// password is picked up without a restart.
public struct SecretResolver: Sendable {
    private let environment: [String: String]

    /// - Parameter environment: the process environment; tests pass their own.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    /// The secret without its trailing line break. Errors name where the secret should be,
    /// never its value.
    public func resolve(_ reference: SecretReference) throws(DeliveryError) -> String {
        let value: String?
        switch reference {
        case .environment(let name):
            value = environment[name]
        case .file(let path):
            value = try? String(contentsOfFile: path, encoding: .utf8)
        case .systemdCredential(let name):
            guard let directory = environment["CREDENTIALS_DIRECTORY"], !name.contains("/") else {
                throw DeliveryError(
                    .secretUnavailable,
                    "\(reference.location) is unavailable: CREDENTIALS_DIRECTORY is not set (use LoadCredential=)"
                )
            }
            value = try? String(contentsOfFile: "\(directory)/\(name)", encoding: .utf8)
        }
        guard var secret = value else {
            throw DeliveryError(.secretUnavailable, "\(reference.location) could not be read")
        }
        while secret.last?.isNewline == true { secret.removeLast() }
        guard !secret.isEmpty else { throw DeliveryError(.secretUnavailable, "\(reference.location) is empty") }
        return secret
    }
}

/// Prints as `SecretResolver(redacted)`: the environment it reads holds every `*_env` secret.
extension SecretResolver: Redacted {}
