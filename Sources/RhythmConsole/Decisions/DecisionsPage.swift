import Foundation
import RhythmCore
import RhythmStore

/// Writes the decision log as the HTML content the layout wraps: one table per series, in
/// the configuration's order (a series no longer configured last, by its id), each decision
/// with its number, its words and the meeting that took it, linking to that meeting's minutes.
enum DecisionsPage {
    static func render(_ decisions: [LoggedDecision], initiative: Initiative, selected: String?) -> String {
        let escape = ConsoleLayout.escape
        var html =
            "<h1>Decisions</h1><p>The decisions of published minutes, numbered per series in the order "
            + "they were taken.</p>"
        let options = initiative.series.map { series in
            "<option value=\"\(escape(series.id))\"\(series.id == selected ? " selected" : "")>"
                + "\(escape(series.title))</option>"
        }.joined()
        html +=
            "<form method=\"get\" action=\"\(ConsolePaths.decisions)\" class=\"filter\">"
            + "<label for=\"decisions-series\">Series</label><select id=\"decisions-series\" name=\"series\">"
            + "<option value=\"\"\(selected == nil ? " selected" : "")>Every series</option>\(options)</select>"
            + "<button type=\"submit\">Show</button></form>"
        let bySeries = Dictionary(grouping: decisions, by: \.seriesID)
        let configured = initiative.series.map(\.id)
        let order =
            configured.filter { bySeries[$0] != nil } + bySeries.keys.filter { !configured.contains($0) }.sorted()
        guard !order.isEmpty else {
            return html + "<p class=\"notice\" role=\"status\">No decisions published yet"
                + (selected == nil ? "" : " in this series") + ".</p>"
        }
        for (index, seriesID) in order.enumerated() {
            let title = initiative.series.first { $0.id == seriesID }?.title ?? seriesID
            let rows = (bySeries[seriesID] ?? []).map { decision in
                let meeting = HomeFormat.date(decision.occurrenceDate)
                let path = ConsolePaths.minutes(seriesID: seriesID, originalDate: decision.occurrenceDate)
                return "<tr><th scope=\"row\">\(decision.number)</th>"
                    + "<td data-label=\"Decision\">\(escape(decision.text))</td>"
                    + "<td data-label=\"Meeting\"><a href=\"\(escape(path))\">\(escape(meeting))</a></td></tr>"
            }.joined()
            html +=
                "<section class=\"home-section\" aria-labelledby=\"decisions-\(index)\">"
                + "<h2 id=\"decisions-\(index)\">\(escape(title))</h2><table><caption>"
                + "Decision log of \(escape(title))</caption><thead><tr><th scope=\"col\">No.</th>"
                + "<th scope=\"col\">Decision</th><th scope=\"col\">Meeting (minutes)</th></tr></thead>"
                + "<tbody>\(rows)</tbody></table></section>"
        }
        return html
    }
}
