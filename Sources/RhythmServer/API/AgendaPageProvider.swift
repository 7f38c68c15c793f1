/// Where agenda pages come from: Rhythm's feed service implements this.
///
/// A page is reached through the same capability as the private feed that links to it, so
/// the provider answers nil for a wrong token, a series the token's feed does not have, or
/// a date with no meeting, and the server answers all three with the same 404.
public protocol AgendaPageProvider: Sendable {
    /// The HTML agenda of the meeting of `seriesID` that `date` (YYYY-MM-DD) names: its
    /// original date, or the date it moved to.
    func agendaPage(token: String, seriesID: String, date: String) async throws -> String?
}
