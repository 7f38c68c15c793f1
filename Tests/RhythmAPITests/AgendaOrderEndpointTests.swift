import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import RhythmStore
import Testing

/// Reordering, moving and withdrawing agenda items through the API, and a meeting's agenda
/// with its time budget. The leaders meet on Tuesdays at 10:00 for an hour.
@Suite("Agenda order")
struct AgendaOrderEndpointTests {
    func submit(
        _ title: String, minutes: Int? = nil, on date: String = "2027-01-26", token: String,
        client: some TestClientProtocol
    )
        async throws -> Int
    {
        let minutesField = minutes.map { #", "minutes": \#($0)"# } ?? ""
        let created = try await client.send(
            .post, "/api/v1/agenda-items", token: token,
            json: #"{"series_id": "leaders", "occurrence_date": "\#(date)", "title": "\#(title)"\#(minutesField)}"#)
        #expect(created.status == .created)
        #expect(created.object["position"] is Int)
        return id(created.object)
    }

    func titles(_ date: String, token: String, client: some TestClientProtocol) async throws -> [String] {
        let agenda = try await client.send(.get, "/api/v1/agendas/leaders/\(date)", token: token)
        #expect(agenda.status == .ok)
        let items = agenda.object["items"] as? [[String: Any]] ?? []
        #expect(items.compactMap { $0["position"] as? Int } == (0..<items.count).map { $0 + 1 })
        return items.compactMap { $0["title"] as? String }
    }

    @Test(
        "PATCH reorders by position, before or after and moves to another meeting; the agenda shows the order and budget"
    )
    func reorder() async throws {
        let harness = try APIHarness()
        let token = try harness.token(name: "form")
        try await harness.application().test(.router) { client in
            let a = try await submit("A", minutes: 30, token: token, client: client)
            let b = try await submit("B", token: token, client: client)
            let c = try await submit("C", minutes: 40, token: token, client: client)
            let moved = try await client.send(
                .patch, "/api/v1/agenda-items/\(c)", token: token, json: #"{"position": 1}"#)
            #expect(moved.status == .ok)
            #expect(moved.object["position"] as? Int == 1)
            #expect(try await titles("2027-01-26", token: token, client: client) == ["C", "A", "B"])

            let agenda = try await client.send(.get, "/api/v1/agendas/leaders/2027-01-26", token: token)
            #expect(agenda.object["occurrence_date"] as? String == "2027-01-26")
            #expect(agenda.object["standing_items"] is [String])
            let budget = try #require(agenda.object["budget"] as? [String: Any])
            #expect(budget["meeting_minutes"] as? Int == 60)
            #expect(budget["planned_minutes"] as? Int == 70)
            #expect(budget["balance"] as? Int == -10)
            #expect((budget["unsized_items"] as? [[String: Any]])?.map(id) == [b])
            #expect(budget["summary"] as? String == #"70 of 60 minutes planned, 10 over. 1 item without minutes: "B"."#)

            _ = try await client.send(.patch, "/api/v1/agenda-items/\(a)", token: token, json: #"{"after": \#(b)}"#)
            #expect(try await titles("2027-01-26", token: token, client: client) == ["C", "B", "A"])
            _ = try await client.send(.patch, "/api/v1/agenda-items/\(a)", token: token, json: #"{"before": \#(c)}"#)
            #expect(try await titles("2027-01-26", token: token, client: client) == ["A", "C", "B"])

            let other = try await submit("X", on: "2027-02-02", token: token, client: client)
            let deferred = try await client.send(
                .patch, "/api/v1/agenda-items/\(b)", token: token,
                json: #"{"occurrence_date": "2027-02-02", "before": \#(other)}"#)
            #expect(deferred.status == .ok)
            #expect(deferred.object["position"] as? Int == 1)
            #expect(try await titles("2027-02-02", token: token, client: client) == ["B", "X"])
            #expect(try await titles("2027-01-26", token: token, client: client) == ["A", "C"])
            let listed = try await client.send(.get, "/api/v1/agenda-items?series=leaders", token: token)
            #expect(listed.items.compactMap { $0["title"] as? String } == ["A", "C", "B", "X"])

            let outside = try await client.send(
                .patch, "/api/v1/agenda-items/\(a)", token: token, json: #"{"position": 3}"#)
            outside.expectProblem(.unprocessableContent)
            #expect(outside.problemErrors["/position"]?.hasPrefix("Position 3 is not on the agenda") == true)
            let elsewhere = try await client.send(
                .patch, "/api/v1/agenda-items/\(a)", token: token, json: #"{"after": \#(other)}"#)
            #expect(elsewhere.problemErrors["/after"]?.contains("2027-02-02") == true)
            let both = try await client.send(
                .patch, "/api/v1/agenda-items/\(a)", token: token, json: #"{"position": 1, "before": \#(c)}"#)
            #expect(Set(both.problemErrors.keys) == ["/position", "/before"])
            let zero = try await client.send(
                .patch, "/api/v1/agenda-items/\(a)", token: token, json: #"{"position": 0}"#)
            #expect(zero.problemErrors["/position"] != nil)
            #expect(try await titles("2027-01-26", token: token, client: client) == ["A", "C"])

            let noMeeting = try await client.send(.get, "/api/v1/agendas/leaders/2027-01-27", token: token)
            noMeeting.expectProblem(.notFound)
            let noSeries = try await client.send(.get, "/api/v1/agendas/nobody/2027-01-26", token: token)
            noSeries.expectProblem(.notFound)
        }
    }

    @Test("withdraw keeps the item, off the agenda and the lists; DELETE still deletes")
    func withdraw() async throws {
        let harness = try APIHarness()
        let token = try harness.token(name: "form")
        try await harness.application().test(.router) { client in
            let a = try await submit("A", token: token, client: client)
            let b = try await submit("B", token: token, client: client)
            let changes = harness.changeCount
            let withdrawn = try await client.send(.post, "/api/v1/agenda-items/\(a)/withdraw", token: token)
            #expect(withdrawn.status == .ok)
            #expect(withdrawn.object["withdrawn_by"] as? String == "api:form")
            #expect(withdrawn.object["withdrawn_at"] is String)
            #expect(harness.changeCount == changes + 1)

            let shown = try await client.send(.get, "/api/v1/agenda-items/\(a)", token: token)
            #expect(shown.object["withdrawn_by"] as? String == "api:form")
            #expect(try await titles("2027-01-26", token: token, client: client) == ["B"])
            let listed = try await client.send(.get, "/api/v1/agenda-items?series=leaders", token: token)
            #expect(listed.items.map(id) == [b])
            let all = try await client.send(
                .get, "/api/v1/agenda-items?series=leaders&include_withdrawn=true", token: token)
            #expect(all.items.map(id) == [b, a])
            #expect(all.object["total"] as? Int == 2)
            let agendaAll = try await client.send(
                .get, "/api/v1/agendas/leaders/2027-01-26?include_withdrawn=true", token: token)
            #expect((agendaAll.object["items"] as? [[String: Any]])?.map(id) == [b, a])

            let again = try await client.send(.post, "/api/v1/agenda-items/\(a)/withdraw", token: token)
            #expect(again.status == .ok)
            #expect(harness.changeCount == changes + 1)
            let move = try await client.send(
                .patch, "/api/v1/agenda-items/\(a)", token: token, json: #"{"position": 1}"#)
            #expect(move.problemErrors["/position"]?.contains("was withdrawn") == true)

            let deleted = try await client.send(.delete, "/api/v1/agenda-items/\(b)", token: token)
            #expect(deleted.status == .noContent)
            try await client.send(.get, "/api/v1/agenda-items/\(b)", token: token).expectProblem(.notFound)
            try await client.send(.post, "/api/v1/agenda-items/999/withdraw", token: token).expectProblem(.notFound)
            let reader = try harness.token(.read, name: "reader")
            try await client.send(.post, "/api/v1/agenda-items/\(a)/withdraw", token: reader).expectProblem(.forbidden)
        }
    }
}
