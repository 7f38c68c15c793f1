import Foundation

/// The loopback SMTP server and webhook receiver the delivery tests of RhythmDelivery use,
/// started here for end-to-end tests of `rhythm dispatch`: Debian's aiosmtpd with STARTTLS
/// on a throwaway certificate and AUTH, and a Python HTTP receiver that checks signatures.
final class DeliveryServers: @unchecked Sendable {
    static let smtpUser = "rhythm"
    static let smtpPassword = "correct-horse-battery-staple"
    static let webhookSecret = "whsec_" + Data("rhythm-end-to-end-signing-key".utf8).base64EncodedString()

    let directory: URL
    let mailbox: URL
    let certificate: URL
    let webhookRecord: URL
    private(set) var smtpPort = 0
    private(set) var webhookPort = 0
    private let smtp = Process()
    private let webhooks = Process()

    private static let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()

    private static var python: String {
        ProcessInfo.processInfo.environment["RHYTHM_TEST_PYTHON"] ?? "/usr/bin/python3"
    }

    init() throws {
        directory = try RhythmProcess.temporaryDirectory()
        mailbox = directory.appendingPathComponent("received")
        try FileManager.default.createDirectory(at: mailbox, withIntermediateDirectories: true)
        certificate = directory.appendingPathComponent("cert.pem")
        webhookRecord = directory.appendingPathComponent("webhooks.jsonl")
        let key = directory.appendingPathComponent("key.pem")
        let openssl = try RhythmProcess.run(
            [
                "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", key.path, "-out", certificate.path, "-days", "1", "-subj", "/CN=127.0.0.1",
                "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
            ], executable: URL(fileURLWithPath: "/usr/bin/openssl"))
        guard openssl.status == 0 else { throw ServerError("openssl failed: \(openssl.standardError)") }

        let portFile = directory.appendingPathComponent("smtp-port")
        smtp.executableURL = URL(fileURLWithPath: Self.python)
        smtp.arguments = [
            Self.tests.appendingPathComponent("RhythmDeliveryTests/Scripts/smtp_server.py").path, portFile.path,
            mailbox.path, "--cert", certificate.path, "--key", key.path, "--user", Self.smtpUser, "--password",
            Self.smtpPassword,
        ]
        smtp.standardOutput = FileHandle.nullDevice
        smtp.standardError = FileHandle.nullDevice
        try smtp.run()

        let portPipe = Pipe()
        webhooks.executableURL = URL(fileURLWithPath: Self.python)
        webhooks.arguments = [
            Self.tests.appendingPathComponent("RhythmWebhookTests/Scripts/webhook_receiver.py").path, "serve",
            Self.webhookSecret, webhookRecord.path,
        ]
        webhooks.standardOutput = portPipe
        try webhooks.run()

        let deadline = Date().addingTimeInterval(15)
        while smtpPort == 0, Date() < deadline {
            if let text = try? String(contentsOf: portFile, encoding: .utf8), let port = Int(text) { smtpPort = port }
            Thread.sleep(forTimeInterval: 0.05)
        }
        var line = Data()
        while webhookPort == 0, Date() < deadline {
            let byte = portPipe.fileHandleForReading.readData(ofLength: 1)
            if byte.isEmpty || byte == Data("\n".utf8) {
                webhookPort = Int(String(decoding: line, as: UTF8.self)) ?? 0
                if byte.isEmpty { break }
            } else {
                line.append(byte)
            }
        }
        guard smtpPort > 0, webhookPort > 0 else {
            stop()
            throw ServerError("the loopback SMTP server or webhook receiver did not start")
        }
    }

    /// The environment `rhythm` needs to reach them: the SMTP password, the webhook URL and
    /// its signing secret, each read through the `_env` references the configuration names.
    var environment: [String: String] {
        [
            "RHYTHM_TEST_SMTP_PASSWORD": Self.smtpPassword,
            "RHYTHM_TEST_HOOK_URL": "http://127.0.0.1:\(webhookPort)/ok?token=hook-secret-token",
            "RHYTHM_TEST_HOOK_SECRET": Self.webhookSecret,
        ]
    }

    /// The `channels:` section for these servers: `email` and `hooks`.
    var channelsYAML: String {
        """
        channels:
          - id: email
            type: email
            from: Test Backbone <backbone@example.org>
            smtp: smtp://127.0.0.1:\(smtpPort)
            username: \(Self.smtpUser)
            password_env: RHYTHM_TEST_SMTP_PASSWORD
            ca_file: \(certificate.path)
          - id: hooks
            type: webhook
            url_env: RHYTHM_TEST_HOOK_URL
            secret_env: RHYTHM_TEST_HOOK_SECRET

        """
    }

    /// The messages received so far, as files, oldest first.
    func receivedMessages() throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: mailbox, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "eml" }
            .sorted { number($0) < number($1) }
    }

    private func number(_ url: URL) -> Int {
        Int(url.deletingPathExtension().lastPathComponent.dropFirst(4)) ?? 0
    }

    /// The Message-ID and To header of a received message, read with Python's email package.
    func headers(of message: URL) throws -> [String: Any] {
        let result = try RhythmProcess.run(
            [Self.tests.appendingPathComponent("RhythmDeliveryTests/Scripts/parse_mime.py").path, message.path],
            executable: URL(fileURLWithPath: Self.python))
        guard result.status == 0,
            let object = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any]
        else { throw ServerError("parse_mime.py failed: \(result.standardError)") }
        return object
    }

    /// The webhook requests received so far, one JSON object each.
    func receivedWebhooks() throws -> [[String: Any]] {
        guard let text = try? String(contentsOf: webhookRecord, encoding: .utf8) else { return [] }
        return try text.split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] ?? [:]
        }
    }

    func stop() {
        for process in [smtp, webhooks] where process.isRunning {
            kill(process.processIdentifier, SIGKILL)
        }
    }

    deinit { stop() }
}

struct ServerError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
