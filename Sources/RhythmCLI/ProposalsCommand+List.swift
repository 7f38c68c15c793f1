import ArgumentParser
import Foundation
import RhythmConfig
import RhythmCore
import RhythmStore

extension ProposalsCommand {
    /// `rhythm proposals list`: the proposals waiting, or all of them.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List the time proposals waiting for the organiser.",
            discussion: """
                Oldest first. MEETING is the date the series' rule gave the meeting the \
                proposal is about, or "series" for the whole series. Proposed times are on \
                the series' clock, with the UTC offset.

                Examples:
                  rhythm proposals list
                  rhythm proposals list --series leadership-table --all --format json
                """
        )

        @OptionGroup var options: RhythmOptions

        @Option(help: ArgumentHelp("Only this series.", valueName: "series-id"))
        var series: String?

        @Flag(help: "Also the proposals already dismissed.")
        var all = false

        @Option(help: ArgumentHelp("text or json.", valueName: "format"))
        var format: OutputFormat = .text

        func run() throws {
            let loaded = try options.load()
            _ = try series.map(loaded.initiative.checkedSeries)
            let store = try options.openDatabase(for: loaded)
            let proposals = try DatabaseOptions.checked { () throws(StoreError) in
                try store.calendarProposals(seriesID: series, includeDismissed: all)
            }
            switch format {
            case .text:
                print(Self.text(proposals, includesDismissed: all, initiative: loaded.initiative))
            case .json:
                print(try JSONOutput.encoded(ProposalListJSON(proposals: proposals.map(ProposalJSON.init))))
            }
        }

        static func text(_ proposals: [CalendarProposal], includesDismissed: Bool, initiative: Initiative) -> String {
            guard !proposals.isEmpty else {
                return includesDismissed ? "No time proposals." : "No time proposals waiting."
            }
            let rows = proposals.map { proposal in
                let zone = initiative.series.first { $0.id == proposal.seriesID }?.timeZone ?? initiative.timeZone
                let comment = proposal.comment.map { $0.count > 40 ? "\"\($0.prefix(37))...\"" : "\"\($0)\"" }
                return [
                    String(proposal.id), proposal.seriesID, proposal.occurrenceDate?.description ?? "series",
                    proposal.personID, proposed(proposal, in: zone), comment ?? "-",
                    proposal.dismissedAt == nil ? "waiting" : "dismissed",
                ]
            }
            let count = Plural.phrase(proposals.count, "time proposal")
            let heading = includesDismissed ? count : "\(count) waiting"
            let lines = TextTable.lines(
                header: ["ID", "SERIES", "MEETING", "PERSON", "PROPOSED", "COMMENT", "STATE"], rows: rows)
            return ([heading, ""] + lines + ["", "Dismiss one once decided: rhythm proposals dismiss ID"])
                .joined(separator: "\n")
        }

        /// `Wed 2027-02-17 14:00–15:00 +00:00`, or what the calendar left out as `-`.
        private static func proposed(_ proposal: CalendarProposal, in zone: TimeZone) -> String {
            guard let start = proposal.proposedStart else { return "-" }
            let local = zone.wallClock(at: start)
            let from = "\(OccurrenceText.dayAndDate(local.date)) \(OccurrenceText.hourMinute(local.time))"
            guard let end = proposal.proposedEnd else { return "\(from) \(zone.offsetText(at: start))" }
            let until = zone.wallClock(at: end)
            let endText =
                until.date == local.date
                ? OccurrenceText.hourMinute(until.time) : "\(until.date) \(OccurrenceText.hourMinute(until.time))"
            return "\(from)–\(endText) \(zone.offsetText(at: start))"
        }
    }
}

/// The JSON form of `rhythm proposals list`.
struct ProposalListJSON: Encodable {
    let proposals: [ProposalJSON]
}
