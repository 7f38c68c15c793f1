import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `rhythm serve --log-level trace` with every kind of secret in play (a password in a file,
/// a webhook URL with a token and a signing secret in the environment, and an unrelated
/// secret in the environment) sends reminders through loopback servers: nothing it prints
/// holds any of them.
@Suite("secrets never reach the log", .serialized, .timeLimit(.minutes(3)))
struct SecretLoggingEndToEndTests {
    @Test("at trace level, a dispatch through SMTP and a webhook prints no secret")
    func traceLogHoldsNoSecret() async throws {
        let servers = try DeliveryServers()
        defer { servers.stop() }
        let directory = try RhythmProcess.temporaryDirectory()
        let passwordFile = directory.appendingPathComponent("smtp-password").path
        try (DeliveryServers.smtpPassword + "\n").write(toFile: passwordFile, atomically: true, encoding: .utf8)
        let port = LoopbackPort.free()
        let yaml =
            DispatchEndToEndTests.configuration(servers: servers)
            .replacingOccurrences(
                of: "password_env: RHYTHM_TEST_SMTP_PASSWORD", with: "password_file: \(passwordFile)")
            + "service: { listen: \"127.0.0.1:\(port)\" }\n"
        let config = directory.appendingPathComponent("rhythm.yaml").path
        try yaml.write(toFile: config, atomically: true, encoding: .utf8)
        let unrelated = "UNRELATED-ENVIRONMENT-SECRET-4711"
        var environment = ProcessInfo.processInfo.environment.merging(servers.environment) { $1 }
        environment["RHYTHM_TEST_SMTP_PASSWORD"] = nil
        environment["RHYTHM_TEST_UNRELATED"] = unrelated

        let log = directory.appendingPathComponent("serve.log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let output = try FileHandle(forWritingTo: log)
        let process = Process()
        process.executableURL = RhythmProcess.executable
        process.arguments = [
            "serve", "--config", config, "--database", directory.appendingPathComponent("rhythm.sqlite").path,
            "--log-level", "trace",
        ]
        process.environment = environment
        process.standardOutput = output
        process.standardError = output
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }

        // Two reminders by e-mail, one invitation and one webhook post are due at once.
        for _ in 0..<300 {
            if try servers.receivedMessages().count >= 3, try servers.receivedWebhooks().count >= 1 { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(try servers.receivedMessages().count == 3)
        #expect(try servers.receivedWebhooks().count == 1)
        // /readyz reads every secret to check it; a private feed request carries a token.
        let (_, ready) = try await URLSession.shared.data(from: URL(string: "http://127.0.0.1:\(port)/readyz")!)
        #expect((ready as? HTTPURLResponse)?.statusCode == 200)
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        try output.close()

        let text = try String(contentsOf: log, encoding: .utf8)
        #expect(text.contains("curl transfer finished"), "the log is at trace level:\n\(text)")
        let secrets = [
            DeliveryServers.smtpPassword, "hook-secret-token", DeliveryServers.webhookSecret,
            String(DeliveryServers.webhookSecret.dropFirst("whsec_".count)), unrelated,
        ]
        for secret in secrets {
            #expect(text.components(separatedBy: secret).count - 1 == 0, "the log holds \(secret)")
        }
    }
}
