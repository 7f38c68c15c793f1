import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Agenda items")
struct AgendaItemEndpointTests {
    @Test("Submit, show, change, list and withdraw an agenda item")
    func lifecycle() async throws {
        let harness = try APIHarness()
        let token = try harness.token(name: "form")
        try await harness.application().test(.router) { client in
            let created = try await client.send(
                .post, "/api/v1/agenda-items", token: token,
                json: """
                    {"series_id": "leaders", "occurrence_date": "2027-01-26", "title": "Enrolment update",
                     "presenter_id": "ana", "minutes": 15, "notes": "Slides to follow"}
                    """)
            #expect(created.status == .created)
            let itemID = id(created.object)
            #expect(created.headers[.location] == "/api/v1/agenda-items/\(itemID)")
            #expect(created.object["submitted_by"] as? String == "api:form")
            #expect(created.object["minutes"] as? Int == 15)
            #expect(created.object["occurrence_date"] as? String == "2027-01-26")

            let shown = try await client.send(.get, "/api/v1/agenda-items/\(itemID)", token: token)
            #expect(shown.object["presenter_id"] as? String == "ana")

            let patched = try await client.send(
                .patch, "/api/v1/agenda-items/\(itemID)", token: token,
                json: #"{"minutes": null, "occurrence_date": "2027-02-02", "title": "Enrolment, Q4"}"#)
            #expect(patched.status == .ok)
            #expect(patched.object["minutes"] is NSNull)
            #expect(patched.object["occurrence_date"] as? String == "2027-02-02")
            #expect(patched.object["title"] as? String == "Enrolment, Q4")

            _ = try await client.send(
                .post, "/api/v1/agenda-items", token: token,
                json: #"{"series_id": "south-team", "occurrence_date": "2027-01-28", "title": "Timetable"}"#)
            let all = try await client.send(.get, "/api/v1/agenda-items", token: token)
            #expect(all.object["total"] as? Int == 2)
            let leaders = try await client.send(.get, "/api/v1/agenda-items?series=leaders", token: token)
            #expect(leaders.items.map(id) == [itemID])
            let onDate = try await client.send(.get, "/api/v1/agenda-items?date=2027-01-28", token: token)
            #expect(onDate.items.compactMap { $0["title"] as? String } == ["Timetable"])
            #expect(harness.changeCount == 3)

            let deleted = try await client.send(.delete, "/api/v1/agenda-items/\(itemID)", token: token)
            #expect(deleted.status == .noContent)
            #expect(harness.changeCount == 4)
            let gone = try await client.send(.get, "/api/v1/agenda-items/\(itemID)", token: token)
            gone.expectProblem(.notFound)
            let deleteAgain = try await client.send(.delete, "/api/v1/agenda-items/\(itemID)", token: token)
            deleteAgain.expectProblem(.notFound)
            #expect(harness.changeCount == 4)
        }
    }
}

@Suite("Indicator results")
struct IndicatorResultEndpointTests {
    @Test("Record, replace, show and list indicator results")
    func lifecycle() async throws {
        let harness = try APIHarness()
        let token = try harness.token(name: "data-team")
        try await harness.application().test(.router) { client in
            let first = try await client.send(
                .post, "/api/v1/indicator-results", token: token,
                json: #"{"indicator_id": "enrolment", "period": "2026-Q4", "value": 81.5, "note": "Provisional"}"#)
            #expect(first.status == .created)
            #expect(first.object["period"] as? String == "2026-Q4")
            #expect(first.object["value"] as? Double == 81.5)
            #expect(first.object["recorded_by"] as? String == "api:data-team")
            #expect(first.object["recorded_at"] as? String == "2027-01-20T12:00:00Z")

            let replaced = try await client.send(
                .post, "/api/v1/indicator-results", token: token,
                json: #"{"indicator_id": "enrolment", "period": "2026-q4", "value": 83}"#)
            #expect(replaced.status == .created)
            let resultID = id(replaced.object)
            _ = try await client.send(
                .post, "/api/v1/indicator-results", token: token,
                json: #"{"indicator_id": "attendance", "period": "2026-12", "value": 92}"#)
            #expect(harness.changeCount == 3)

            let enrolment = try await client.send(.get, "/api/v1/indicator-results?indicator=enrolment", token: token)
            #expect(enrolment.object["total"] as? Int == 1)
            #expect(enrolment.items.first?["value"] as? Double == 83)
            let all = try await client.send(.get, "/api/v1/indicator-results?limit=1", token: token)
            #expect(all.object["total"] as? Int == 2)
            #expect(
                all.headers[HTTPField.Name("Link")!] == #"</api/v1/indicator-results?limit=1&offset=1>; rel="next""#)

            let shown = try await client.send(.get, "/api/v1/indicator-results/\(resultID)", token: token)
            #expect(shown.status == .ok)
            #expect(shown.object["indicator_id"] as? String == "enrolment")
            let missing = try await client.send(.get, "/api/v1/indicator-results/424242", token: token)
            missing.expectProblem(.notFound)
            #expect(harness.changeCount == 3)
        }
    }

    @Test("A moved meeting is named by its new date as well as its original one; items keep the original")
    func movedMeeting() async throws {
        let harness = try APIHarness()
        let token = try harness.token()
        try await harness.application().test(.router) { client in
            // The leaders' meeting of 16 February 2027 moved to the 18th.
            let byNewDate = try await client.send(
                .post, "/api/v1/agenda-items", token: token,
                json: #"{"series_id": "leaders", "occurrence_date": "2027-02-18", "title": "By the new date"}"#)
            #expect(byNewDate.status == .created, "\(String(buffer: byNewDate.body))")
            #expect(byNewDate.object["occurrence_date"] as? String == "2027-02-16")
            let byOriginal = try await client.send(
                .post, "/api/v1/agenda-items", token: token,
                json: #"{"series_id": "leaders", "occurrence_date": "2027-02-16", "title": "By the original"}"#)
            #expect(byOriginal.object["occurrence_date"] as? String == "2027-02-16")
            let other = try await client.send(
                .post, "/api/v1/agenda-items", token: token,
                json: #"{"series_id": "leaders", "occurrence_date": "2027-01-26", "title": "Another meeting"}"#)
            let moved = try await client.send(
                .patch, "/api/v1/agenda-items/\(id(other.object))", token: token,
                json: #"{"occurrence_date": "2027-02-18"}"#)
            #expect(moved.object["occurrence_date"] as? String == "2027-02-16")

            for query in ["date=2027-02-18", "series=leaders&date=2027-02-18", "date=2027-02-16"] {
                let listed = try await client.send(.get, "/api/v1/agenda-items?\(query)", token: token)
                #expect(listed.items.count == 3, "\(query)")
                #expect(listed.object["total"] as? Int == 3, "\(query)")
            }
            let noMeeting = try await client.send(
                .post, "/api/v1/agenda-items", token: token,
                json: #"{"series_id": "leaders", "occurrence_date": "2027-02-17", "title": "x"}"#)
            #expect(
                noMeeting.problemErrors == [
                    "/occurrence_date": "Series leaders has no occurrence planned on 2027-02-17, nor one moved to it."
                ])
        }
    }
}
