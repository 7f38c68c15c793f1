import Foundation
import Logging
import NIOPosix
import RhythmCore
import Testing

@testable import RhythmDelivery

/// Every value that holds a secret prints as its type name however it is printed, and so does
/// anything that contains one: a log line that interpolates it cannot leak.
@Suite struct RedactionTests {
    static let secret = "S3CRET-VALUE-in-test"

    struct Printed: Sendable, CustomStringConvertible {
        let description: String
        let value: @Sendable () -> Any
    }

    static let values: [Printed] = [
        Printed(description: "a secret resolver") { SecretResolver(environment: ["SMTP_PW": secret]) },
        Printed(description: "a curl request with a password and a token") {
            CurlRequest(
                url: "https://hooks.example.org/\(secret)", payload: .http(method: "POST", headers: [], body: []),
                password: secret, secrets: [secret])
        },
        Printed(description: "a webhook request") {
            WebhookRequest(url: "https://hooks.example.org/services/\(secret)", body: Data(), deliveryKey: "k")
        },
        Printed(description: "a webhook signing secret") { WebhookSigningSecret(secret)! },
        Printed(description: "an SMTP sender, which holds a resolver") {
            SMTPSender(
                configuration: .init(url: "smtp://127.0.0.1:1", password: .environment("SMTP_PW")),
                transport: CurlTransport(threadPool: .singleton, logger: Logger(label: "t")),
                secrets: SecretResolver(environment: ["SMTP_PW": secret]), logger: Logger(label: "t"))
        },
    ]

    @Test("String(describing:), String(reflecting:) and dump never show the secret", arguments: values)
    func redacted(_ printed: Printed) {
        let value = printed.value()
        var dumped = ""
        dump(value, to: &dumped)
        for text in [String(describing: value), String(reflecting: value), "\(value)", dumped] {
            #expect(!text.contains(Self.secret), "\(text)")
            #expect(text.contains("(redacted)"), "\(text)")
        }
        #expect(Mirror(reflecting: value).children.allSatisfy { !String(describing: $0.value).contains(Self.secret) })
    }
}

/// What a server echoes back is searched for every secret before it is kept or logged.
@Suite struct SecretRedactionTests {
    @Test("every occurrence of every secret is replaced; text without one comes back as it was")
    func replacesEveryOccurrence() {
        let redaction = SecretRedaction(["tok-123", "", "pässwörd"])
        #expect(
            redaction.redact("550 tok-123 rejected; tok-123 again, pässwörd too")
                == "550 <redacted> rejected; <redacted> again, <redacted> too")
        #expect(redaction.redact("250 OK") == "250 OK")
        #expect(redaction.redact("tok-12") == "tok-12")
        #expect(redaction.redact("tok-123") == "<redacted>")
        #expect(SecretRedaction([]).redact("anything") == "anything")
    }
}
