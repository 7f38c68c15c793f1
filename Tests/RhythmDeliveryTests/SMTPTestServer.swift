import Foundation
import RhythmCore

@testable import RhythmDelivery

/// The scripted aiosmtpd server for one test, with a throwaway certificate made by
/// `openssl req -x509` for 127.0.0.1.
struct SMTPTestServer {
    static let user = "rhythm"
    static let password = "correct-horse-battery-staple"

    let server: ScriptServer
    let directory: URL
    let output: URL
    let certificate: URL

    init(starttls: Bool = true) throws {
        directory = try TemporaryDirectory.make()
        output = directory.appendingPathComponent("received")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        certificate = directory.appendingPathComponent("cert.pem")
        let key = directory.appendingPathComponent("key.pem")
        let openssl = Process()
        openssl.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        openssl.arguments = [
            "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
            "-keyout", key.path, "-out", certificate.path, "-days", "1", "-subj", "/CN=127.0.0.1",
            "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
        ]
        openssl.standardError = FileHandle.nullDevice
        try openssl.run()
        openssl.waitUntilExit()
        var arguments = [output.path, "--user", Self.user, "--password", Self.password]
        if starttls {
            arguments += ["--cert", certificate.path, "--key", key.path]
        }
        server = try ScriptServer(script: "smtp_server.py", arguments: arguments, directory: directory)
    }

    var url: String { "smtp://127.0.0.1:\(server.port)" }

    func configuration(
        password: String = SMTPTestServer.password,
        timeouts: CurlRequest.Timeouts = .init(connect: .seconds(5), total: .seconds(15), serverResponse: .seconds(10))
    ) -> (SMTPSender.Configuration, SecretResolver) {
        (
            SMTPSender.Configuration(
                url: url,
                username: Self.user,
                password: .environment("RHYTHM_TEST_SMTP_PASSWORD"),
                caFile: certificate.path,
                timeouts: timeouts
            ),
            SecretResolver(environment: ["RHYTHM_TEST_SMTP_PASSWORD": password])
        )
    }

    /// The messages received so far, oldest first.
    func received() throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: output, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "eml" }
            .sorted { number($0) < number($1) }
    }

    private func number(_ url: URL) -> Int {
        Int(url.deletingPathExtension().lastPathComponent.dropFirst(4)) ?? 0
    }

    func stop() {
        server.stop()
        try? FileManager.default.removeItem(at: directory)
    }
}
