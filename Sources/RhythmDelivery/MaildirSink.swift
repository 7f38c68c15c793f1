import Crypto
import Foundation
import Logging
import RhythmCore

/// The embedded default when no SMTP server is configured: each message becomes a file in a
/// Maildir (`tmp/`, `new/`, `cur/`), so Rhythm runs end to end with no outside service and any
/// mail client can read what it would have sent.
///
/// A message is written to `tmp/` and then linked into `new/` under a name made from its
/// Message-ID, so a reader never sees half a message, and a retry of the same delivery finds
/// the file already there (in `new/` or, once read, in `cur/`) and writes nothing.
public struct MaildirSink: EmailSender {
    /// The Maildir's root directory.
    public let directory: String
    private let hostname: String
    private let logger: Logger

    /// - Parameters:
    ///   - directory: the Maildir root; created with `tmp`, `new` and `cur` on first delivery.
    ///   - hostname: the host part of file names (slashes and colons are replaced).
    public init(directory: String, hostname: String = ProcessInfo.processInfo.hostName, logger: Logger) {
        self.directory = directory
        self.hostname = String(hostname.map { $0 == "/" || $0 == ":" || $0 == "." ? "_" : $0 })
        self.logger = logger
    }

    /// Logs, once at start-up, that e-mail stays on this machine.
    public func announce() {
        logger.info(
            "no SMTP server configured: e-mail is written to a local Maildir",
            metadata: ["delivery.maildir": "\(directory)"]
        )
    }

    public func send(_ message: EmailMessage) async -> DeliveryOutcome {
        do throws(DeliveryError) {
            let bytes = try message.build()
            let (name, isNew) = try deliver(bytes, messageID: message.messageID)
            return .delivered(
                DeliveryReply(code: 250, text: isNew ? "stored as new/\(name)" : "already stored as \(name)"))
        } catch {
            if error.code == .maildir {
                return .transientFailure(DeliveryReply(code: 0, text: error.message), retryAfter: nil)
            }
            return .configurationError(error.message)
        }
    }

    /// Writes `bytes` unless a message with `messageID` is already in the Maildir; returns the
    /// file name and whether it was written now.
    @discardableResult
    public func deliver(_ bytes: [UInt8], messageID: String) throws(DeliveryError) -> (name: String, isNew: Bool) {
        let fileManager = FileManager.default
        for sub in ["tmp", "new", "cur"] {
            do {
                try fileManager.createDirectory(
                    atPath: "\(directory)/\(sub)",
                    withIntermediateDirectories: true,
                    attributes: [.posixPermissions: 0o700]
                )
            } catch {
                throw DeliveryError(.maildir, "cannot create \(directory)/\(sub)")
            }
        }
        let unique =
            "R"
            + SHA256.hash(data: Array(messageID.utf8)).prefix(12).lowercaseHex
        if let existing = existingFile(unique: unique) {
            return (existing, false)
        }
        let seconds = Int(Date().timeIntervalSince1970)
        let name = "\(seconds).\(unique)P\(getpid()).\(hostname)"
        let temporary = "\(directory)/tmp/\(name)"
        let final = "\(directory)/new/\(name)"
        guard fileManager.createFile(atPath: temporary, contents: Data(bytes), attributes: [.posixPermissions: 0o600])
        else {
            throw DeliveryError(.maildir, "cannot write \(temporary)")
        }
        defer { unlink(temporary) }
        if let handle = FileHandle(forUpdatingAtPath: temporary) {
            try? handle.synchronize()
            try? handle.close()
        }
        // link() rather than rename(): it never replaces a file that is already there.
        if link(temporary, final) != 0 && errno != EEXIST {
            throw DeliveryError(.maildir, "cannot move the message into \(directory)/new")
        }
        return (name, true)
    }

    /// The name of a file in `new/` or `cur/` whose unique part is `unique`.
    private func existingFile(unique: String) -> String? {
        for sub in ["new", "cur"] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: "\(directory)/\(sub)")) ?? []
            if let name = names.first(where: { $0.split(separator: ".").dropFirst().first?.hasPrefix(unique) == true })
            {
                return "\(sub)/\(name)"
            }
        }
        return nil
    }
}
