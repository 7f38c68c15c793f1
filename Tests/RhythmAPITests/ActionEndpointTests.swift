import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Actions")
struct ActionEndpointTests {
    @Test("Create, show and update an action; every write notifies, no read does")
    func lifecycle() async throws {
        let harness = try APIHarness()
        let token = try harness.token()
        try await harness.application().test(.router) { client in
            let created = try await client.send(
                .post, "/api/v1/actions", token: token,
                json: """
                    {"title": "Share the enrolment data", "details": "By school", "owner_id": "ana",
                     "partner_id": "north", "group_id": "data", "series_id": "leaders",
                     "raised_on": "2027-01-12", "due": "2027-02-01", "status": "in-progress"}
                    """)
            #expect(created.status == .created)
            let action = created.object
            let actionID = id(action)
            #expect(actionID > 0)
            #expect(created.headers[.location] == "/api/v1/actions/\(actionID)")
            #expect(action["title"] as? String == "Share the enrolment data")
            #expect(action["owner_id"] as? String == "ana")
            #expect(action["raised_on"] as? String == "2027-01-12")
            #expect(action["due"] as? String == "2027-02-01")
            #expect(action["status"] as? String == "in-progress")
            #expect(action["created_at"] as? String == "2027-01-20T12:00:00Z")
            #expect(harness.changeCount == 1)

            let shown = try await client.send(.get, "/api/v1/actions/\(actionID)", token: token)
            #expect(shown.status == .ok)
            #expect(shown.headers[.contentType] == "application/json")
            #expect(shown.object["details"] as? String == "By school")

            let patched = try await client.send(
                .patch, "/api/v1/actions/\(actionID)", token: token,
                json: #"{"status": "done", "due": null, "title": "Shared the data"}"#,
                contentType: "application/merge-patch+json")
            #expect(patched.status == .ok)
            #expect(patched.object["status"] as? String == "done")
            #expect(patched.object["due"] is NSNull)
            #expect(patched.object["title"] as? String == "Shared the data")
            #expect(patched.object["details"] as? String == "By school")
            #expect(harness.changeCount == 2)

            _ = try await client.send(.get, "/api/v1/actions", token: token)
            _ = try await client.send(.get, "/api/v1/actions/\(actionID)", token: token)
            #expect(harness.changeCount == 2)

            let missing = try await client.send(.get, "/api/v1/actions/999", token: token)
            missing.expectProblem(.notFound, type: "not-found")
            let notAnID = try await client.send(.get, "/api/v1/actions/abc", token: token)
            notAnID.expectProblem(.notFound)
            let patchMissing = try await client.send(
                .patch, "/api/v1/actions/999", token: token, json: #"{"status": "done"}"#)
            patchMissing.expectProblem(.notFound)
            #expect(harness.changeCount == 2)
        }
    }

    @Test("Lists filter by owner, partner, group, series, status, overdue and due date")
    func filters() async throws {
        let harness = try APIHarness()
        let token = try harness.token()
        try await harness.application().test(.router) { client in
            let bodies = [
                #"{"title": "A", "owner_id": "ana", "partner_id": "north", "due": "2027-01-10"}"#,
                #"{"title": "B", "owner_id": "ana", "partner_id": "north", "due": "2027-01-10", "status": "done"}"#,
                #"{"title": "C", "owner_id": "ben", "partner_id": "south", "group_id": "data", "due": "2027-03-01"}"#,
                #"{"title": "D", "owner_id": "cara", "series_id": "leaders", "status": "blocked"}"#,
            ]
            for body in bodies {
                let response = try await client.send(.post, "/api/v1/actions", token: token, json: body)
                #expect(response.status == .created)
            }
            func titles(_ query: String) async throws -> [String] {
                let response = try await client.send(.get, "/api/v1/actions\(query)", token: token)
                #expect(response.status == .ok, "\(query): \(String(buffer: response.body))")
                return response.items.compactMap { $0["title"] as? String }.sorted()
            }
            #expect(try await titles("") == ["A", "B", "C", "D"])
            #expect(try await titles("?owner=ana") == ["A", "B"])
            #expect(try await titles("?partner=south") == ["C"])
            #expect(try await titles("?group=data") == ["C"])
            #expect(try await titles("?series=leaders") == ["D"])
            #expect(try await titles("?status=done,blocked") == ["B", "D"])
            #expect(try await titles("?status=open&status=done") == ["A", "B", "C"])
            #expect(try await titles("?overdue=true") == ["A"])
            #expect(try await titles("?due_before=2027-02-01") == ["A", "B"])
            #expect(try await titles("?owner=ana&status=open") == ["A"])
        }
    }

    @Test("Paging: limit and offset, the total, and a Link to the next page that keeps the filters")
    func paging() async throws {
        let harness = try APIHarness()
        let token = try harness.token()
        try await harness.application().test(.router) { client in
            for index in 1...5 {
                _ = try await client.send(
                    .post, "/api/v1/actions", token: token, json: #"{"title": "T\#(index)", "owner_id": "ana"}"#)
            }
            let first = try await client.send(.get, "/api/v1/actions?owner=ana&limit=2", token: token)
            #expect(first.items.count == 2)
            #expect(first.object["total"] as? Int == 5)
            #expect(first.object["limit"] as? Int == 2)
            #expect(first.object["offset"] as? Int == 0)
            #expect(
                first.headers[HTTPField.Name("Link")!] == #"</api/v1/actions?owner=ana&limit=2&offset=2>; rel="next""#)

            let last = try await client.send(.get, "/api/v1/actions?owner=ana&limit=2&offset=4", token: token)
            #expect(last.items.count == 1)
            #expect(last.headers[HTTPField.Name("Link")!] == nil)

            let defaults = try await client.send(.get, "/api/v1/actions", token: token)
            #expect(defaults.object["limit"] as? Int == 50)
            #expect(defaults.items.count == 5)

            let seen = try await [0, 2, 4].asyncFlatMap { offset in
                try await client.send(.get, "/api/v1/actions?limit=2&offset=\(offset)", token: token).items.map(id)
            }
            #expect(Set(seen).count == 5)
        }
    }

    @Test("Bad query parameters are all named in one 400")
    func badQuery() async throws {
        let harness = try APIHarness()
        let token = try harness.token()
        try await harness.application().test(.router) { client in
            let response = try await client.send(
                .get, "/api/v1/actions?limit=0&offset=-1&status=finished&overdue=yes&due_before=soon&colour=red",
                token: token)
            response.expectProblem(.badRequest, type: "invalid-query")
            let errors = response.problemErrors
            #expect(errors["?limit"] == "limit must be a whole number from 1 to 200.")
            #expect(errors["?offset"] == "offset must be a whole number, 0 or more.")
            #expect(errors["?status"]?.contains("Unknown status \"finished\"") == true)
            #expect(errors["?overdue"] == "overdue must be true or false.")
            #expect(errors["?due_before"] == "due_before must be a date written YYYY-MM-DD.")
            #expect(errors["?colour"]?.hasPrefix("Unknown query parameter \"colour\"") == true)
            let tooMany = try await client.send(.get, "/api/v1/actions?limit=201", token: token)
            #expect(tooMany.problemErrors["?limit"] != nil)
        }
    }
}

extension Array {
    func asyncFlatMap<Result>(_ transform: (Element) async throws -> [Result]) async rethrows -> [Result] {
        var result: [Result] = []
        for element in self {
            result += try await transform(element)
        }
        return result
    }
}
