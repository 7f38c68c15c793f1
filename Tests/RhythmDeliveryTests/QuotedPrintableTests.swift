import Testing

@testable import RhythmDelivery

/// The edges of quoted-printable that the golden e-mails do not all reach: line breaks of
/// every kind, soft breaks at 76 octets, and a dot that would start a line.
@Suite struct QuotedPrintableTests {
    static let cases: [(text: String, encoded: String)] = [
        ("", "\r\n"),
        ("a", "a\r\n"),
        ("\n", "\r\n"),
        ("a\r\nb\rc\nd\n", "a\r\nb\r\nc\r\nd\r\n"),
        ("a\n\n", "a\r\n\r\n"),
        ("a\r\rb", "a\r\n\r\nb\r\n"),
        ("tab\t and space \nend", "tab\t and space=20\r\nend\r\n"),
        ("1 = 1", "1 =3D 1\r\n"),
        (".\n..", "=2E\r\n=2E.\r\n"),
        ("café", "caf=C3=A9\r\n"),
        (String(repeating: "a", count: 76), String(repeating: "a", count: 76) + "\r\n"),
        (
            String(repeating: "a", count: 80),
            String(repeating: "a", count: 75) + "=\r\n" + String(repeating: "a", count: 5) + "\r\n"
        ),
        (String(repeating: "a", count: 75) + ".b", String(repeating: "a", count: 75) + "=\r\n=2Eb\r\n"),
        (String(repeating: "a", count: 74) + "é", String(repeating: "a", count: 74) + "=\r\n=C3=A9\r\n"),
    ]

    @Test("text encodes to the expected quoted-printable", arguments: cases)
    func encodes(text: String, encoded: String) {
        #expect(QuotedPrintable.encode(text) == encoded)
    }
}
