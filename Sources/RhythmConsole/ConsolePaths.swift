import Foundation
import RhythmCore

/// The paths of the console's pages, agreed between the pages that link to each other; every
/// path segment taken from the configuration is percent-encoded.
public enum ConsolePaths {
    /// The home page.
    public static let home = "/console"
    /// The list of meetings.
    public static let meetings = "/console/meetings"
    /// The decision log of every series.
    public static let decisions = "/console/decisions"

    /// One meeting's page, named by the date its rule (or its extra date) gave it.
    public static func meeting(seriesID: String, originalDate: LocalDate) -> String {
        "\(meetings)/\(segment(seriesID))/\(originalDate)"
    }

    /// The minutes of one meeting.
    public static func minutes(seriesID: String, originalDate: LocalDate) -> String {
        meeting(seriesID: seriesID, originalDate: originalDate) + "/minutes"
    }

    /// The page of `occurrence`.
    public static func meeting(_ occurrence: Occurrence) -> String {
        meeting(seriesID: occurrence.series.id, originalDate: occurrence.originalStart.date)
    }

    /// The minutes of `occurrence`.
    public static func minutes(_ occurrence: Occurrence) -> String {
        minutes(seriesID: occurrence.series.id, originalDate: occurrence.originalStart.date)
    }

    /// The decision log of one series.
    public static func decisions(seriesID: String) -> String {
        "\(decisions)?series=\(segment(seriesID))"
    }

    private static func segment(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~")))
            ?? text
    }
}
