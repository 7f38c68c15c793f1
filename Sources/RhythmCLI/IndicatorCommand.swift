import ArgumentParser

/// `rhythm indicator`: the shared measures' reported values.
struct IndicatorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "indicator",
        abstract: "Record the values of shared indicators.",
        discussion: """
            Indicators are defined in the configuration, each with its reporting period \
            (month, quarter, half-year or year). A value is recorded for one period; \
            recording again for the same period replaces it, and the audit trail keeps the \
            old value. Unknown ids exit with 64.

            Example:
              rhythm indicator record school-attendance --period 2027-Q1 --value 91.4
            """,
        subcommands: [IndicatorRecordCommand.self, IndicatorListCommand.self]
    )
}
