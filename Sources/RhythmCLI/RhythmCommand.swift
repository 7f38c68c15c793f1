import ArgumentParser
import RhythmCore

/// The `rhythm` command line: the backbone team's tools for checking and reading the
/// initiative's operating rhythm.
public struct RhythmCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "rhythm",
        abstract: "Keeps the operating rhythm of a Collective Impact initiative.",
        discussion: """
            Rhythm reads the initiative's meetings, people and reminder rules from one YAML file \
            (by default /etc/rhythm/rhythm.yaml; set another with --config or RHYTHM_CONFIG) and keeps \
            what happens day to day (actions, agenda items, indicator values, feed and API tokens) in an \
            SQLite database.

            Examples:
              rhythm check --config config/rhythm.yaml
              rhythm upcoming --days 14 --partner brightwater-council
              rhythm preview --rule 'FREQ=MONTHLY;BYDAY=2TU' --start 2027-02-09T10:00 --zone Australia/Melbourne
              rhythm feed rotate partner:brightwater-council --database /var/lib/rhythm/rhythm.sqlite
              rhythm action add "Draft the data-sharing agreement" --owner amara-okafor --due 2027-03-01
              rhythm indicator record school-attendance --period 2027-Q1 --value 91.4
            """,
        version: RhythmVersion.current,
        subcommands: [
            CheckCommand.self, UpcomingCommand.self, PreviewCommand.self, FeedCommand.self, IcsCommand.self,
            ServeCommand.self, ActionCommand.self, AgendaCommand.self, IndicatorCommand.self, AuditCommand.self,
            APITokenCommand.self, SimulateCommand.self, DispatchCommand.self, OutboxCommand.self, SendTestCommand.self,
            StatusCommand.self, BackupCommand.self, AttendanceCommand.self, LinkCommand.self, ProposalsCommand.self,
            PersonCommand.self, InboxCommand.self, ChangesCommand.self,
            MinutesCommand.self,
            DecisionsCommand.self,
            ConsoleCommand.self,
        ]
    )

    public init() {}
}
