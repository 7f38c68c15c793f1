import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import RhythmCore
import RhythmStore
import Testing

@Suite("Attendance")
struct AttendanceEndpointTests {
    @Test("Record, replace and list answers; a moved meeting's new date stores under its original one")
    func lifecycle() async throws {
        let harness = try APIHarness()
        let token = try harness.token(name: "portal")
        try await harness.application().test(.router) { client in
            let first = try await client.send(
                .put, "/api/v1/attendance/leaders/2027-01-26/ana", token: token, json: #"{"response": "attending"}"#)
            #expect(first.status == .created, "\(String(buffer: first.body))")
            #expect(first.object["response"] as? String == "attending")
            #expect(first.object["answered_by"] as? String == "api:portal")
            #expect(first.object["answered_at"] as? String == "2027-01-20T12:00:00Z")
            #expect(first.object["note"] is NSNull)

            let replaced = try await client.send(
                .put, "/api/v1/attendance/leaders/2027-01-26/ana", token: token,
                json: #"{"response": "apologies", "note": "At the hearing"}"#)
            #expect(replaced.status == .ok)
            #expect(id(replaced.object) == id(first.object))
            #expect(replaced.object["note"] as? String == "At the hearing")

            let moved = try await client.send(
                .put, "/api/v1/attendance/leaders/2027-02-18/ana", token: token, json: #"{"response": "tentative"}"#)
            #expect(moved.status == .created)
            #expect(moved.object["occurrence_date"] as? String == "2027-02-16")
            _ = try await client.send(
                .put, "/api/v1/attendance/south-team/2027-01-28/ben", token: token, json: #"{"response": "attending"}"#)
            #expect(harness.changeCount == 4)

            let all = try await client.send(.get, "/api/v1/attendance", token: token)
            #expect(all.object["total"] as? Int == 3)
            #expect(
                all.items.compactMap { $0["occurrence_date"] as? String } == ["2027-01-26", "2027-01-28", "2027-02-16"])
            let leaders = try await client.send(.get, "/api/v1/attendance?series_id=leaders", token: token)
            #expect(leaders.object["total"] as? Int == 2)
            let onDate = try await client.send(.get, "/api/v1/attendance?occurrence_date=2027-02-16", token: token)
            #expect(onDate.items.compactMap { $0["response"] as? String } == ["tentative"])
            let ben = try await client.send(.get, "/api/v1/attendance?person_id=ben", token: token)
            #expect(ben.items.compactMap { $0["series_id"] as? String } == ["south-team"])
            let page = try await client.send(.get, "/api/v1/attendance?limit=1", token: token)
            #expect(page.items.count == 1)
            #expect(page.headers[HTTPField.Name("Link")!] == "</api/v1/attendance?limit=1&offset=1>; rel=\"next\"")
        }
        let audit = try harness.store.auditEntries(entity: "attendance", entityID: nil, limit: 10)
        #expect(audit.count == 4)
        #expect(audit.allSatisfy { $0.actor == "api:portal" })
    }

    @Test("An answer the shared checks refuse names every problem, by path parameter and JSON pointer")
    func refused() async throws {
        let harness = try APIHarness()
        let token = try harness.token()
        try await harness.application().test(.router) { client in
            let wrong = try await client.send(
                .put, "/api/v1/attendance/leaders/2027-01-27/ben", token: token,
                json: #"{"response": "apologies", "delegate_id": "cara"}"#)
            wrong.expectProblem(.unprocessableContent, type: "invalid-fields")
            #expect(wrong.problemErrors["?occurrence_date"]?.contains("has no meeting on 2027-01-27") == true)
            #expect(wrong.problemErrors["?person_id"]?.contains("is not invited to leaders") == true)
            #expect(wrong.problemErrors["/delegate_id"]?.contains("must be from the same partner") == true)

            let unknown = try await client.send(
                .put, "/api/v1/attendance/leader/2027-01-26/anna", token: token, json: #"{"response": "attending"}"#)
            #expect(unknown.problemErrors["?series_id"] == #"There is no series "leader"; did you mean "leaders"?"#)
            #expect(unknown.problemErrors["?person_id"] == #"There is no person "anna"; did you mean "ana"?"#)

            let body = try await client.send(
                .put, "/api/v1/attendance/leaders/26-01-2027/ana", token: token,
                json: #"{"response": "maybe", "note": "", "extra": 1}"#)
            body.expectProblem(.unprocessableContent)
            #expect(body.problemErrors["/response"]?.contains("use one of attending, tentative, apologies") == true)
            #expect(body.problemErrors["/note"] != nil)
            #expect(body.problemErrors["/extra"] != nil)
            #expect(body.problemErrors["?occurrence_date"]?.contains("YYYY-MM-DD") == true)

            let delegateWithoutApologies = try await client.send(
                .put, "/api/v1/attendance/leaders/2027-01-26/ana", token: token,
                json: #"{"response": "attending", "delegate_id": "ben"}"#)
            #expect(delegateWithoutApologies.problemErrors["/delegate_id"]?.contains("Only apologies") == true)
        }
        #expect(try harness.store.attendance(seriesID: nil, occurrenceDate: nil).isEmpty)
        #expect(harness.changeCount == 0)
    }

    @Test("A read token reads answers but cannot write them")
    func readToken() async throws {
        let harness = try APIHarness()
        let reader = try harness.token(.read)
        try await harness.application().test(.router) { client in
            let list = try await client.send(.get, "/api/v1/attendance", token: reader)
            #expect(list.status == .ok)
            let put = try await client.send(
                .put, "/api/v1/attendance/leaders/2027-01-26/ana", token: reader, json: #"{"response": "attending"}"#)
            put.expectProblem(.forbidden, type: "insufficient-scope")
            let anonymous = try await client.send(.get, "/api/v1/attendance")
            anonymous.expectProblem(.unauthorized)
        }
        #expect(harness.changeCount == 0)
    }

    @Test("A partner token reads and writes only the answers of its partner's people")
    func partnerToken() async throws {
        let harness = try APIHarness()
        let admin = try harness.token()
        let north = try harness.token(partner: "north")
        try await harness.application().test(.router) { client in
            _ = try await client.send(
                .put, "/api/v1/attendance/south-team/2027-01-28/ben", token: admin, json: #"{"response": "attending"}"#)
            let own = try await client.send(
                .put, "/api/v1/attendance/leaders/2027-01-26/ana", token: north, json: #"{"response": "attending"}"#)
            #expect(own.status == .created)

            let list = try await client.send(.get, "/api/v1/attendance", token: north)
            #expect(list.object["total"] as? Int == 1)
            #expect(list.items.compactMap { $0["person_id"] as? String } == ["ana"])
            let other = try await client.send(.get, "/api/v1/attendance?person_id=ben", token: north)
            other.expectProblem(.forbidden)

            let write = try await client.send(
                .put, "/api/v1/attendance/south-team/2027-01-28/ben", token: north, json: #"{"response": "apologies"}"#)
            write.expectProblem(.forbidden)
            #expect(write.problemErrors["?person_id"]?.contains("not a person of partner north") == true)
            // Refused before the checks, which would otherwise say that ben is not invited to leaders.
            let uninvited = try await client.send(
                .put, "/api/v1/attendance/leaders/2027-01-26/ben", token: north, json: #"{"response": "apologies"}"#)
            uninvited.expectProblem(.forbidden)
            #expect(uninvited.problemErrors.keys.sorted() == ["?person_id"])
        }
        #expect(
            try harness.store.attendance(seriesID: "south-team", occurrenceDate: nil).map(\.response) == [.attending])
        #expect(harness.changeCount == 2)
    }
}
