import ArgumentParser
import Foundation
import RhythmAgenda
import RhythmConfig
import RhythmCore
import RhythmDaemon

/// `rhythm check`: validates the configuration and summarises it.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate the configuration and summarise it.",
        discussion: """
            Prints every mistake in the file with its line and column and exits with 78 \
            (EX_CONFIG); otherwise checks the agenda templates `rhythm serve` would use (the \
            templates/ directory beside the file over the built-in ones: an error exits with \
            78, a name no agenda has is a warning), prints what the file defines and the next \
            occurrence of each series with the live changes from the database laid over \
            it (who changed what, when; a live change the file now makes itself is reported \
            as superseded), and exits with 0.

            Example:
              rhythm check --config config/rhythm.yaml
            """
    )

    @OptionGroup var options: ConfigurationOptions

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let loaded = try options.load()
        let layered = try LiveChangeLayer.layeredIfStored(loaded, configurationPath: options.path, database: database)
        for warning in loaded.warnings {
            StandardError.print(warning.description)
        }
        try checkTemplates()
        print(CheckSummary(layered: layered, path: options.path, now: Date()).text)
    }
}

extension CheckCommand {
    /// Loads the agenda templates as `rhythm serve` would, printing their warnings; a template
    /// that cannot be used ends the command with 78, like a configuration error.
    private func checkTemplates() throws {
        let directory = AgendaRenderer.defaultDirectory(forConfigurationAt: options.path)
        do {
            for warning in try AgendaRenderer(directory: directory).warnings {
                StandardError.print(warning.description)
            }
        } catch {
            StandardError.print(error.description)
            StandardError.print(
                "\(directory?.path ?? "the built-in templates"): 1 error; rhythm serve would refuse these templates.")
            throw ExitCode(78)
        }
    }
}

/// The text `rhythm check` prints for a valid configuration.
struct CheckSummary {
    let layered: LayeredConfiguration
    let path: String
    let now: Date

    var text: String {
        let initiative = layered.configuration.initiative
        var lines = ["\(path): OK"]
        lines.append("\(initiative.name) (\(initiative.timeZone.identifier), \(initiative.domain))")
        let counts: [(Int, String)] = [
            (initiative.partners.count, "partner"), (initiative.people.count, "person"),
            (initiative.groups.count, "group"), (initiative.series.count, "series"),
            (initiative.holidays.count, "holiday period"), (initiative.indicators.count, "indicator"),
            (initiative.channels.count, "channel"), (initiative.reminderRules.count, "reminder rule"),
        ]
        lines.append(counts.map { Plural.phrase($0.0, $0.1) }.joined(separator: ", "))
        lines.append("")
        lines.append("Next occurrence of each series:")
        let schedule = Schedule(initiative: initiative)
        let idWidth = initiative.series.map(\.id.count).max() ?? 0
        for series in initiative.series {
            let id = series.id.padding(toLength: idWidth, withPad: " ", startingAt: 0)
            if let next = nextOccurrence(of: series, in: schedule) {
                lines.append(
                    "  \(id)  \(OccurrenceText.when(next))  \(series.title)\(OccurrenceText.statusSuffix(next))")
            } else {
                lines.append("  \(id)  no further occurrences  \(series.title)")
            }
        }
        lines += liveChangeLines(zone: initiative.timeZone)
        return lines.joined(separator: "\n")
    }

    /// The next occurrence within the 800 days `check` looks ahead. Expanding a rule costs
    /// every meeting from the series' start through the end of the window asked for, and most
    /// series meet within a month of now or of their start, so that month is asked first; a
    /// window's first occurrence is the same whatever its length.
    private func nextOccurrence(of series: MeetingSeries, in schedule: Schedule) -> Occurrence? {
        let daysToStart = max(0, Int(series.timeZone.instant(for: series.start).timeIntervalSince(now) / 86_400))
        let firstMonth = daysToStart + 31
        for horizonDays in firstMonth < 800 ? [firstMonth, 800] : [800] {
            if let next = schedule.nextOccurrence(of: series, after: now, horizonDays: horizonDays) { return next }
        }
        return nil
    }

    /// The live changes in force, those the file supersedes, and those that apply to nothing.
    private func liveChangeLines(zone: TimeZone) -> [String] {
        let layering = layered.layering
        let groups: [(String, [LiveChange])] = [
            ("Live changes (from the database):", layering.applied),
            (
                "Live changes superseded by the file (the file's exception wins; restore them to tidy up):",
                layering.superseded
            ),
            (
                "Live changes that apply to nothing (their series or meeting is no longer in the file):",
                layering.orphaned
            ),
        ]
        return groups.filter { !$0.1.isEmpty }.flatMap { group in
            ["", group.0]
                + group.1.map {
                    "  #\($0.id) \($0.seriesID) \($0.kind.date)  \(LiveChangeText.summary($0, zone: zone))"
                }
        }
    }
}
