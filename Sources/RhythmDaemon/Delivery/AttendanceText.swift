import RhythmCore

/// The answers for a meeting as sentences for the organiser: in the agenda e-mail, and in
/// the "quorum at risk" warning.
enum AttendanceText {
    /// `3 of 8 invited have confirmed.`
    static func confirmed(_ summary: AttendanceSummary) -> String {
        "\(summary.confirmedCount) of \(summary.invitedCount) invited "
            + (summary.confirmedCount == 1 ? "has" : "have") + " confirmed."
    }

    /// `Apologies: Amara Okafor (Brightwater City Council): "in court", Sam Ibrahim comes
    /// instead; Fiona McAllister.` or `No apologies so far.`
    static func apologies(_ summary: AttendanceSummary) -> String {
        guard !summary.apologies.isEmpty else { return "No apologies so far." }
        let entries = summary.apologies.map { apology in
            var entry = apology.personName + (apology.partnerName.map { " (\($0))" } ?? "")
            if let note = apology.note { entry += ": \"\(note)\"" }
            if let delegate = apology.delegateName { entry += ", \(delegate) comes instead" }
            return entry
        }
        return "Apologies: " + entries.joined(separator: "; ") + "."
    }

    /// `No answer yet: Kai Community, Olive Outsider.`; nil when everyone answered.
    static func notAnswered(_ summary: AttendanceSummary) -> String? {
        summary.notAnsweredNames.isEmpty ? nil : "No answer yet: \(summary.notAnsweredNames.joined(separator: ", "))."
    }

    /// `Maybe: Sam Ibrahim.`; nil when nobody answered "maybe".
    static func tentative(_ summary: AttendanceSummary) -> String? {
        summary.tentativeNames.isEmpty ? nil : "Maybe: \(summary.tentativeNames.joined(separator: ", "))."
    }
}
