import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import RhythmStore
import Testing

/// /api/v1/occurrence-changes: live cancels, moves and extra meetings, restored by DELETE.
@Suite struct OccurrenceChangeEndpointTests {
    static let cancel =
        #"{"kind": "cancel", "series_id": "leaders", "occurrence_date": "2027-01-26", "reason": "Chair ill"}"#

    @Test("a cancel is created in force, listed, and restored into history")
    func cancelListRestore() async throws {
        let harness = try APIHarness()
        let token = try harness.token()
        try await harness.application().test(.router) { client in
            let created = try await client.send(.post, "/api/v1/occurrence-changes", token: token, json: Self.cancel)
            #expect(created.status == .created, "\(String(buffer: created.body))")
            let change = created.object
            #expect(created.headers[.location] == "/api/v1/occurrence-changes/\(id(change))")
            #expect(change["kind"] as? String == "cancel")
            #expect(change["state"] as? String == "in-force")
            #expect(change["created_by"] as? String == "api:portal")
            #expect(change["reason"] as? String == "Chair ill")
            #expect(harness.changeCount == 1)

            let listed = try await client.send(.get, "/api/v1/occurrence-changes", token: token)
            #expect(listed.items.map(id) == [id(change)])

            let restored = try await client.send(.delete, "/api/v1/occurrence-changes/\(id(change))", token: token)
            #expect(restored.status == .ok)
            #expect(restored.object["state"] as? String == "restored")
            #expect(restored.object["ended_by"] as? String == "api:portal")
            #expect(harness.changeCount == 2)
            try await client.send(.delete, "/api/v1/occurrence-changes/\(id(change))", token: token)
                .expectProblem(.notFound)
            #expect(try await client.send(.get, "/api/v1/occurrence-changes", token: token).items.isEmpty)
            let history = try await client.send(.get, "/api/v1/occurrence-changes?all=true", token: token)
            #expect(history.items.map { $0["state"] as? String } == ["restored"])
        }
    }

    @Test("a second change to the same meeting, a move into a skipped hour and a wrong kind are refused by field")
    func refusals() async throws {
        let harness = try APIHarness()
        let token = try harness.token()
        try await harness.application().test(.router) { client in
            _ = try await client.send(.post, "/api/v1/occurrence-changes", token: token, json: Self.cancel)
            let again = try await client.send(.post, "/api/v1/occurrence-changes", token: token, json: Self.cancel)
            again.expectProblem(.unprocessableContent)
            #expect(again.problemErrors["/occurrence_date"]?.contains("restore it first") == true)

            // London's clocks go from 01:00 to 02:00 on 2027-03-28.
            let gap = try await client.send(
                .post, "/api/v1/occurrence-changes", token: token,
                json: #"{"kind": "move", "series_id": "leaders", "occurrence_date": "2027-03-23", "#
                    + #""start": "2027-03-28T01:30"}"#)
            gap.expectProblem(.unprocessableContent)
            #expect(gap.problemErrors["/start"]?.contains("Choose 2027-03-28 02:30") == true)

            let unknown = try await client.send(
                .post, "/api/v1/occurrence-changes", token: token,
                json: #"{"kind": "postpone", "series_id": "leaders"}"#)
            unknown.expectProblem(.unprocessableContent)
            #expect(unknown.problemErrors["/kind"] != nil)
            #expect(harness.changeCount == 1)
        }
    }

    @Test("an extra meeting and a move are stored with their local starts")
    func extraAndMove() async throws {
        let harness = try APIHarness()
        let token = try harness.token()
        try await harness.application().test(.router) { client in
            let extra = try await client.send(
                .post, "/api/v1/occurrence-changes", token: token,
                json: #"{"kind": "extra", "series_id": "leaders", "start": "2027-01-28T15:00", "location": "Hall"}"#)
            #expect(extra.status == .created, "\(String(buffer: extra.body))")
            #expect(extra.object["start"] as? String == "2027-01-28T15:00")
            #expect(extra.object["occurrence_date"] as? String == "2027-01-28")
            let move = try await client.send(
                .post, "/api/v1/occurrence-changes", token: token,
                json: #"{"kind": "move", "series_id": "leaders", "occurrence_date": "2027-02-02", "#
                    + #""start": "2027-02-03T10:00", "notify": true}"#)
            #expect(move.status == .created, "\(String(buffer: move.body))")
            #expect(move.object["notify"] as? Bool == true)
        }
    }

    @Test("read tokens and partner-limited tokens cannot change the schedule")
    func scopes() async throws {
        let harness = try APIHarness()
        let reader = try harness.token(.read, name: "reader")
        let partner = try harness.token(.write, partner: "north", name: "north")
        try await harness.application().test(.router) { client in
            try await client.send(.post, "/api/v1/occurrence-changes", token: reader, json: Self.cancel)
                .expectProblem(.forbidden)
            try await client.send(.post, "/api/v1/occurrence-changes", token: partner, json: Self.cancel)
                .expectProblem(.forbidden)
            #expect(try await client.send(.get, "/api/v1/occurrence-changes", token: reader).status == .ok)
            #expect(harness.changeCount == 0)
        }
    }
}
