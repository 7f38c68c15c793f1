import Foundation
import Testing

@testable import RhythmCore

/// The answers on an agenda's header, and the quorum counted from them: who comes (a
/// colleague coming instead included), who sent apologies, who is unsure, who is silent.
@Suite struct AttendanceSummaryTests {
    typealias F = AgendaFixtures

    /// The fixtures' initiative with Nia, Fiona's colleague at the Harbour Foundation, who is
    /// not invited to the leadership table but can come in Fiona's place.
    static var initiative: Initiative {
        var initiative = F.initiative()
        initiative.people.append(
            Person(
                id: "nia", name: "Nia Roberts", email: "n@example.org", partnerID: "foundation",
                timeZone: F.melbourne))
        return initiative
    }

    static func answer(
        _ personID: String, _ response: Attendance.Response, on date: String = "2027-04-13", note: String? = nil,
        delegate: String? = nil
    ) -> Attendance {
        Attendance(
            id: 1, seriesID: "leadership", occurrenceDate: F.date(date), personID: personID, response: response,
            note: note, delegateID: delegate, answeredBy: "person:\(personID) (link)", answeredAt: F.created)
    }

    static func header(_ answers: [Attendance]) -> AgendaHeader {
        let initiative = Self.initiative
        return AgendaBuilder().agenda(
            for: F.occurrence(F.leadership(), on: "2027-04-13", in: initiative), initiative: initiative, actions: [],
            items: [], results: [], attendance: answers, today: F.date("2027-04-06")
        ).header
    }

    @Test("the header counts confirmed out of invited and lists apologies, maybes and who has not answered")
    func headerSummary() {
        let summary = Self.header([
            Self.answer("amara", .attending),
            Self.answer("fiona", .apologies, note: "Flying back from London", delegate: "nia"),
            Self.answer("sam", .tentative),
        ]).attendance
        // Invited: Amara, Fiona, Sam and Kai (the leadership group); Priya only organises.
        #expect(summary.invitedCount == 4)
        #expect(summary.comingPersonIDs == ["amara", "nia"])
        #expect(summary.confirmedCount == 2)
        #expect(summary.comingPartnerCount == 2)
        #expect(
            summary.apologies == [
                AttendanceSummary.Apology(
                    personName: "Fiona McAllister", partnerName: "Harbour Foundation", note: "Flying back from London",
                    delegateName: "Nia Roberts")
            ])
        #expect(summary.tentativeNames == ["Sam Ibrahim"])
        #expect(summary.notAnsweredNames == ["Kai Community"])
        #expect(summary.hasAnswers)
    }

    @Test("a colleague named to come instead has answered; one who sends apologies too does not count as coming")
    func delegateWhoCannotComeEither() {
        let named = Self.header([Self.answer("fiona", .apologies, delegate: "amara")]).attendance
        #expect(named.comingPersonIDs == ["amara"])
        #expect(!named.notAnsweredNames.contains("Amara Okafor"))
        let both = Self.header([
            Self.answer("fiona", .apologies, delegate: "amara"), Self.answer("amara", .apologies),
        ]).attendance
        #expect(both.comingPersonIDs.isEmpty)
        #expect(both.apologies.map(\.personName) == ["Amara Okafor", "Fiona McAllister"])
    }

    @Test("answers for another meeting of the series leave the header without answers")
    func otherOccurrenceIgnored() {
        let summary = Self.header([Self.answer("amara", .attending, on: "2027-05-11")]).attendance
        #expect(!summary.hasAnswers)
        #expect(summary.comingPersonIDs.isEmpty)
        #expect(summary.notAnsweredNames == ["Sam Ibrahim", "Amara Okafor", "Fiona McAllister", "Kai Community"])
    }

    @Test("a people quorum counts everyone coming; a partners quorum counts the partners they belong to")
    func quorumCounts() {
        let initiative = Self.initiative
        let occurrence = F.occurrence(F.leadership(), on: "2027-04-13", in: initiative)
        let answers = [
            Self.answer("amara", .attending), Self.answer("kai", .attending),
            Self.answer("fiona", .apologies, delegate: "nia"),
        ]
        let people = QuorumStanding(
            occurrence: occurrence, quorum: Quorum(count: .people(3)), initiative: initiative, answers: answers)
        #expect(people.confirmed == 3)
        #expect(people.isMet)
        // Kai belongs to no partner: council (Amara) and foundation (Nia) make two.
        let partners = QuorumStanding(
            occurrence: occurrence, quorum: Quorum(count: .partners(3)), initiative: initiative, answers: answers)
        #expect(partners.confirmed == 2)
        #expect(!partners.isMet)
    }
}
