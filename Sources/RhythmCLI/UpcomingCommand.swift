import ArgumentParser
import Foundation
import RhythmConfig
import RhythmCore
import RhythmDaemon

/// `rhythm upcoming`: the meetings in a window, with every change spelt out.
struct UpcomingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "upcoming",
        abstract: "List the meetings in a window of time.",
        discussion: """
            Lists occurrences in time order with their local time, UTC offset, zone, place \
            and status (scheduled, moved, cancelled), and says what changed and why, and for a \
            live change (made in the console or the API) who made it and when. Dates \
            are read in the initiative's time zone. Without --from the window starts now; \
            without --until or --days it lasts 28 days.

            Examples:
              rhythm upcoming --days 7
              rhythm upcoming --from 2026-12-01 --until 2027-01-31 --series transitions-wg
              rhythm upcoming --person fiona-mcallister --format json
            """
    )

    /// The two output forms.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text
        case json
    }

    @OptionGroup var options: ConfigurationOptions

    @OptionGroup var database: DatabaseOptions

    @Option(help: ArgumentHelp("First day of the window (YYYY-MM-DD); defaults to now.", valueName: "date"))
    var from: String?

    @Option(help: ArgumentHelp("Last day of the window, included (YYYY-MM-DD).", valueName: "date"))
    var until: String?

    @Option(help: ArgumentHelp("Length of the window in days (default 28).", valueName: "n"))
    var days: Int?

    @Option(name: .customLong("series"), help: ArgumentHelp("Only this series; repeat for more.", valueName: "id"))
    var seriesIDs: [String] = []

    @Option(
        name: .customLong("partner"), help: ArgumentHelp("Only meetings this partner takes part in.", valueName: "id"))
    var partnerID: String?

    @Option(name: .customLong("group"), help: ArgumentHelp("Only meetings this group is invited to.", valueName: "id"))
    var groupID: String?

    @Option(
        name: .customLong("person"),
        help: ArgumentHelp("Only meetings this person attends; also shows the times in their zone.", valueName: "id")
    )
    var personID: String?

    @Flag(help: "Also list occurrences that are skipped (exceptions and holidays).")
    var showSkipped = false

    @Option(help: ArgumentHelp("text or json.", valueName: "format"))
    var format: Format = .text

    func validate() throws {
        if until != nil, days != nil {
            throw ValidationError("Give either --until or --days, not both.")
        }
        if let days, days < 1 {
            throw ValidationError("--days must be at least 1; found \(days).")
        }
        for (name, value) in [("--from", from), ("--until", until)] {
            if let value, LocalDate(iso: value) == nil {
                throw ValidationError("\(name) expects a date such as 2027-04-06; found \"\(value)\".")
            }
        }
    }

    func run() throws {
        let layered = try LiveChangeLayer.layeredIfStored(
            try options.load(), configurationPath: options.path, database: database)
        let initiative = layered.configuration.initiative
        let query = try UpcomingQuery(
            initiative: initiative,
            from: from.flatMap { LocalDate(iso: $0) },
            until: until.flatMap { LocalDate(iso: $0) },
            days: days,
            seriesIDs: seriesIDs,
            partnerID: partnerID,
            groupID: groupID,
            personID: personID,
            now: Date()
        )
        let found = Schedule(initiative: initiative).occurrences(
            of: query.series,
            in: query.window,
            includingSkipped: showSkipped
        )
        // Written to standard output in chunks as it is made: years of meetings never sit in
        // memory as one block of text.
        let destination = OutputBuffer(writingTo: STDOUT_FILENO, chunkSize: 1 << 16)
        var output: OutputBuffer
        switch format {
        case .text:
            output = UpcomingText(initiative: initiative, query: query, occurrences: found, layering: layered.layering)
                .written(into: destination)
        case .json:
            output = UpcomingJSON(query: query, occurrences: found, layering: layered.layering)
                .written(into: destination)
        }
        output.append(byte: UInt8(ascii: "\n"))
        output.flush()
    }
}
