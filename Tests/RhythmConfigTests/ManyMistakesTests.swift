import Foundation
import RhythmConfig
import Testing

/// One run of `rhythm check` must show every mistake in the file, in file order.
@Suite struct ManyMistakesTests {
    static let brokenFile = """
        initiative:
          name: Test initiative
          time_zone: Europe/Londn
          domain: example.org
        partners:
          - id: council
            name: Council
            sector: government
          - id: council
            name: Council again
            sector: health
        people:
          - id: ann
            name: Ann
            email: ann-at-example.org
            partner: councel
          - id: Bob
            name: Bob
            email: bob@example.org
        series:
          - id: weekly
            title: Weekly
            kind: team
            start: 2027-01-05T10:00
            duration: 1h
            organiser: ann
            rule: FREQ=WEEKLY;BYDAY=TU;INTERVAL=0
        channels:
          - id: mail
            type: email
            from: backbone@example.org
            password: hunter2-very-secret
        reminders:
          - id: soon
            for: meetings
            before: 1 dai
            channel: mail
        """

    @Test("every mistake of a file is reported in one run, sorted by line")
    func everyMistakeInOneRun() throws {
        let error = try #require(throws: ConfigurationError.self) {
            try ConfigurationLoader().load(yaml: Self.brokenFile, path: "broken.yaml")
        }
        let errors = error.diagnostics.filter { $0.severity == .error }
        let places = errors.map { "\($0.line):\($0.keyPath)" }
        #expect(
            places == [
                "3:initiative.time_zone", "9:partners[1].id", "15:people[0].email", "16:people[0].partner",
                "17:people[1].id", "26:series[0].organiser", "27:series[0].rule", "32:channels[0].password",
                "36:reminders[0].before",
            ], "\(error)")
        #expect(error.diagnostics.map(\.line) == error.diagnostics.map(\.line).sorted())
    }

    @Test("the error's description has one line per diagnostic in compiler format")
    func descriptionFormat() throws {
        let error = try #require(throws: ConfigurationError.self) {
            try ConfigurationLoader().load(yaml: Self.brokenFile, path: "config/rhythm.yaml")
        }
        let lines = error.description.split(separator: "\n")
        #expect(lines.count == error.diagnostics.count)
        #expect(
            lines.contains(
                "config/rhythm.yaml:27:32: error: series[0].rule: INTERVAL: \"0\" is out of range; use a whole number of 1 or more"
            ))
        #expect(
            lines.contains {
                $0.hasPrefix("config/rhythm.yaml:3:14: error: initiative.time_zone: ")
                    && $0.contains("\"Europe/London\"")
            })
    }

    @Test("a secret written in the file is refused without repeating it")
    func literalSecretIsNotRepeated() throws {
        let error = try #require(throws: ConfigurationError.self) {
            try ConfigurationLoader().load(yaml: Self.brokenFile, path: "broken.yaml")
        }
        let password = try #require(error.diagnostics.first { $0.keyPath == "channels[0].password" })
        #expect(password.message.contains("password_file"))
        #expect(password.message.contains("password_env"))
        #expect(password.message.contains("password_credential"))
        #expect(!error.description.contains("hunter2"))
    }
}
