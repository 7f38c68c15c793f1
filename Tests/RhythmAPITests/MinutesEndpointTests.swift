import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import RhythmCore
import RhythmStore
import Testing

@Suite("Minutes and decisions")
struct MinutesEndpointTests {
    static let draft = #"""
        {"attendance": [{"person_id": "ana", "mark": "present", "note": null}],
         "item_notes": [], "general_notes": "Short meeting",
         "decisions": [{"text": "Adopt the form"}],
         "actions": [{"title": "Draft the form", "owner_id": "ben", "due": "2027-02-15"}]}
        """#

    @Test("Prefill, save, publish once, and read the decision log; every write is audited and announced")
    func lifecycle() async throws {
        let harness = try APIHarness()
        let token = try harness.token(name: "portal")
        try await harness.application().test(.router) { client in
            let prefilled = try await client.send(.get, "/api/v1/minutes/leaders/2027-01-26", token: token)
            #expect(prefilled.status == .ok, "\(String(buffer: prefilled.body))")
            #expect(prefilled.object["saved"] as? Bool == false)
            #expect(prefilled.object["revision"] as? Int == 0)
            let attendance = (prefilled.object["draft"] as? [String: Any])?["attendance"] as? [[String: Any]]
            #expect(attendance?.compactMap { $0["person_id"] as? String } == ["ana"])
            #expect(attendance?.first?["mark"] is NSNull)

            let saved = try await client.send(
                .put, "/api/v1/minutes/leaders/2027-01-26", token: token, json: Self.draft)
            #expect(saved.status == .ok, "\(String(buffer: saved.body))")
            #expect(saved.object["updated_by"] as? String == "api:portal")
            let actions = (saved.object["draft"] as? [String: Any])?["actions"] as? [[String: Any]]
            let actionID = try #require(actions?.first?["action_id"] as? Int)
            let action = try #require(try harness.store.action(id: Int64(actionID)))
            #expect(action.seriesID == "leaders")
            #expect(action.raisedOn == LocalDate(iso: "2027-01-26"))

            let published = try await client.send(
                .post, "/api/v1/minutes/leaders/2027-01-26/publish", token: token)
            #expect(published.status == .ok, "\(String(buffer: published.body))")
            #expect(published.object["revision"] as? Int == 1)
            #expect(published.object["published_by"] as? String == "api:portal")
            let decisions = (published.object["published"] as? [String: Any])?["decisions"] as? [[String: Any]]
            #expect(decisions?.first?["number"] as? Int == 1)
            #expect(harness.changeCount == 2)

            let again = try await client.send(.post, "/api/v1/minutes/leaders/2027-01-26/publish", token: token)
            again.expectProblem(.unprocessableContent)
            #expect(again.problemErrors[""]?.contains("unchanged") == true)

            let log = try await client.send(.get, "/api/v1/decisions?series_id=leaders", token: token)
            #expect(log.object["total"] as? Int == 1)
            #expect(log.items.first?["text"] as? String == "Adopt the form")
            #expect(log.items.first?["occurrence_date"] as? String == "2027-01-26")
            let none = try await client.send(.get, "/api/v1/decisions?series_id=south-team", token: token)
            #expect(none.object["total"] as? Int == 0)
        }
        let audit = try harness.store.auditEntries(entity: "minutes", entityID: nil, limit: 10)
        #expect(audit.map(\.change) == ["published", "created"])
        #expect(audit.allSatisfy { $0.actor == "api:portal" })
    }

    @Test("A moved meeting's new date stores the minutes under its original one")
    func movedMeeting() async throws {
        let harness = try APIHarness()
        let token = try harness.token()
        try await harness.application().test(.router) { client in
            let saved = try await client.send(
                .put, "/api/v1/minutes/leaders/2027-02-18", token: token, json: Self.draft)
            #expect(saved.status == .ok, "\(String(buffer: saved.body))")
            #expect(saved.object["occurrence_date"] as? String == "2027-02-16")
        }
        #expect(try harness.store.minutes(seriesID: "leaders", occurrenceDate: LocalDate(iso: "2027-02-16")!) != nil)
    }

    @Test("Problems name their JSON pointer; no meeting is 404; a partner-limited token reads only the log")
    func refused() async throws {
        let harness = try APIHarness()
        let token = try harness.token()
        let limited = try harness.token(partner: "north", name: "north-portal")
        try await harness.application().test(.router) { client in
            let unknown = try await client.send(
                .put, "/api/v1/minutes/leaders/2027-01-26", token: token,
                json:
                    #"{"attendance": [{"person_id": "zed"}], "item_notes": [{"agenda_item_id": 9, "title": "", "notes": "x"}], "decisions": [{"text": " "}], "actions": [{"title": "Do", "owner_id": "ghost"}]}"#
            )
            unknown.expectProblem(.unprocessableContent)
            #expect(
                Set(unknown.problemErrors.keys) == [
                    "/attendance/0/person_id", "/item_notes/0/agenda_item_id", "/decisions/0/text",
                    "/actions/0/owner_id",
                ])
            let wrongType = try await client.send(
                .put, "/api/v1/minutes/leaders/2027-01-26", token: token,
                json: #"{"attendance": "everyone", "item_notes": [], "decisions": [], "actions": []}"#)
            wrongType.expectProblem(.unprocessableContent)
            #expect(wrongType.problemErrors["/attendance"] == "Must be an array.")
            let unknownField = try await client.send(
                .put, "/api/v1/minutes/leaders/2027-01-26", token: token,
                json:
                    #"{"attendance": [], "item_notes": [], "decisions": [{"text": "x", "votes": 3}], "actions": [], "mood": "good"}"#
            )
            unknownField.expectProblem(.unprocessableContent)
            #expect(Set(unknownField.problemErrors.keys) == ["/mood", "/decisions/0/votes"])
            let otherMeeting = try await client.send(
                .put, "/api/v1/minutes/leaders/2027-01-26", token: token,
                json:
                    #"{"series_id": "south-team", "attendance": [], "item_notes": [], "decisions": [], "actions": []}"#)
            otherMeeting.expectProblem(.unprocessableContent)
            #expect(otherMeeting.problemErrors["/series_id"] != nil)
            #expect(
                try harness.store.minutes(seriesID: "leaders", occurrenceDate: LocalDate(iso: "2027-01-26")!) == nil)

            let noMeeting = try await client.send(.get, "/api/v1/minutes/leaders/2027-01-27", token: token)
            noMeeting.expectProblem(.notFound)
            let noSeries = try await client.send(.get, "/api/v1/minutes/nobody/2027-01-26", token: token)
            noSeries.expectProblem(.notFound)
            let unsaved = try await client.send(.post, "/api/v1/minutes/leaders/2027-01-26/publish", token: token)
            unsaved.expectProblem(.unprocessableContent)

            let forbidden = try await client.send(.get, "/api/v1/minutes/leaders/2027-01-26", token: limited)
            forbidden.expectProblem(.forbidden)
            let log = try await client.send(.get, "/api/v1/decisions", token: limited)
            #expect(log.status == .ok)
            let unknownSeries = try await client.send(.get, "/api/v1/decisions?series_id=nobody", token: token)
            unknownSeries.expectProblem(.badRequest)
            #expect(unknownSeries.problemErrors["?series_id"] != nil)
        }
    }
}
