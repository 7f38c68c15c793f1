import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import RhythmCore
import RhythmStore
import Testing

@Suite("Tokens and scopes")
struct AuthorizationTests {
    @Test("No token, a bad one or a revoked one: 401 with WWW-Authenticate: Bearer")
    func unauthenticated() async throws {
        let harness = try APIHarness()
        let revoked = try harness.store.issueAPIToken(name: "old", scope: .write, partnerID: nil, now: .testNow)
        try harness.revoke(revoked)
        try await harness.application().test(.router) { client in
            let none = try await client.send(.get, "/api/v1/actions")
            none.expectProblem(.unauthorized, type: "unauthenticated")
            #expect(none.headers[.wwwAuthenticate] == #"Bearer realm="rhythm""#)

            for header in [
                "Bearer not-a-token", "Basic YWxhZGRpbjpvcGVuc2VzYW1l", "Bearer ", "Bearer \(revoked.token)",
            ] {
                let response = try await client.send(
                    .post, "/api/v1/actions", json: "{}", headers: [.authorization: header])
                response.expectProblem(.unauthorized, type: "invalid-token")
                #expect(response.headers[.wwwAuthenticate]?.hasPrefix("Bearer ") == true)
            }
        }
        #expect(harness.changeCount == 0)
    }

    @Test("A read token reads but cannot write")
    func readToken() async throws {
        let harness = try APIHarness()
        let reader = try harness.token(.read)
        try await harness.application().test(.router) { client in
            #expect(try await client.send(.get, "/api/v1/actions", token: reader).status == .ok)
            #expect(try await client.send(.get, "/api/v1/agenda-items", token: reader).status == .ok)
            #expect(try await client.send(.get, "/api/v1/indicator-results", token: reader).status == .ok)
            let writes: [(HTTPRequest.Method, String)] = [
                (.post, "/api/v1/actions"), (.patch, "/api/v1/actions/1"), (.post, "/api/v1/agenda-items"),
                (.patch, "/api/v1/agenda-items/1"), (.delete, "/api/v1/agenda-items/1"),
                (.post, "/api/v1/indicator-results"),
            ]
            for (method, path) in writes {
                let response = try await client.send(method, path, token: reader, json: #"{"title": "x"}"#)
                response.expectProblem(.forbidden, type: "insufficient-scope")
                #expect(response.headers[.wwwAuthenticate]?.contains("insufficient_scope") == true)
            }
        }
        #expect(harness.changeCount == 0)
    }

    @Test("A partner token sees and writes only its partner's actions")
    func partnerActions() async throws {
        let harness = try APIHarness()
        let admin = try harness.token()
        let north = try harness.token(partner: "north", name: "north-portal")
        try await harness.application().test(.router) { client in
            let southAction = try await client.send(
                .post, "/api/v1/actions", token: admin,
                json: #"{"title": "South", "owner_id": "ben", "partner_id": "south"}"#)
            let southID = id(southAction.object)

            let own = try await client.send(
                .post, "/api/v1/actions", token: north, json: #"{"title": "North", "owner_id": "ana"}"#)
            #expect(own.status == .created)
            #expect(own.object["partner_id"] as? String == "north")
            let northID = id(own.object)

            let list = try await client.send(.get, "/api/v1/actions", token: north)
            #expect(list.items.map(id) == [northID])
            #expect(list.object["total"] as? Int == 1)
            let askedSouth = try await client.send(.get, "/api/v1/actions?partner=south", token: north)
            askedSouth.expectProblem(.forbidden)

            let peek = try await client.send(.get, "/api/v1/actions/\(southID)", token: north)
            peek.expectProblem(.notFound)
            let change = try await client.send(
                .patch, "/api/v1/actions/\(southID)", token: north, json: #"{"status": "done"}"#)
            change.expectProblem(.notFound)
            let createForSouth = try await client.send(
                .post, "/api/v1/actions", token: north,
                json: #"{"title": "Sneaky", "owner_id": "ben", "partner_id": "south"}"#)
            createForSouth.expectProblem(.forbidden, type: "forbidden")
            let giveAway = try await client.send(
                .patch, "/api/v1/actions/\(northID)", token: north, json: #"{"partner_id": "south"}"#)
            giveAway.expectProblem(.forbidden)
            let orphan = try await client.send(
                .patch, "/api/v1/actions/\(northID)", token: north, json: #"{"partner_id": null}"#)
            orphan.expectProblem(.forbidden)

            let untouched = try await client.send(.get, "/api/v1/actions/\(southID)", token: admin)
            #expect(untouched.object["status"] as? String == "open")
        }
        #expect(harness.changeCount == 2)
    }

    @Test("A partner token names only its partner's people, its groups and its series in an action, on POST and PATCH")
    func partnerActionReferences() async throws {
        let harness = try APIHarness()
        let north = try harness.token(partner: "north")
        try await harness.application().test(.router) { client in
            let refusals: [(field: String, value: String)] = [
                ("owner_id", "ben"), ("owner_id", "cara"), ("group_id", "south-staff"), ("series_id", "south-team"),
            ]
            for (field, value) in refusals {
                var fields = ["title": "Sneaky", "owner_id": "ana"]
                fields[field] = value
                let json = fields.map { #""\#($0.key)": "\#($0.value)""# }.joined(separator: ", ")
                let created = try await client.send(.post, "/api/v1/actions", token: north, json: "{\(json)}")
                created.expectProblem(.forbidden, type: "forbidden")
                #expect(created.problemErrors.keys.sorted() == ["/\(field)"], "POST \(field): \(value)")
                #expect(created.problemErrors["/\(field)"]?.contains("north") == true)
            }
            let everything = try await client.send(
                .post, "/api/v1/actions", token: north,
                json: #"{"title": "x", "owner_id": "ben", "group_id": "south-staff", "series_id": "south-team"}"#)
            #expect(everything.problemErrors.keys.sorted() == ["/group_id", "/owner_id", "/series_id"])

            let own = try await client.send(
                .post, "/api/v1/actions", token: north,
                json: #"{"title": "Own", "owner_id": "ana", "group_id": "data", "series_id": "leaders"}"#)
            #expect(own.status == .created)
            let ownID = id(own.object)
            for (field, value) in refusals + [("partner_id", "south")] {
                let changed = try await client.send(
                    .patch, "/api/v1/actions/\(ownID)", token: north, json: #"{"\#(field)": "\#(value)"}"#)
                changed.expectProblem(.forbidden, type: "forbidden")
                #expect(changed.problemErrors.keys.sorted() == ["/\(field)"], "PATCH \(field): \(value)")
            }
            let kept = try await client.send(.get, "/api/v1/actions/\(ownID)", token: north)
            #expect(kept.object["owner_id"] as? String == "ana")
            #expect(kept.object["group_id"] as? String == "data")
            #expect(kept.object["series_id"] as? String == "leaders")
        }
        #expect(try harness.store.actions(matching: ActionFilter()).map(\.ownerID) == ["ana"])
        #expect(harness.changeCount == 1)
    }

    @Test("A partner token names only a presenter of its partner, on POST and PATCH")
    func partnerPresenter() async throws {
        let harness = try APIHarness()
        let north = try harness.token(partner: "north")
        try await harness.application().test(.router) { client in
            let foreign = try await client.send(
                .post, "/api/v1/agenda-items", token: north,
                json: #"{"series_id": "leaders", "occurrence_date": "2027-01-26", "title": "x", "presenter_id": "ben"}"#
            )
            foreign.expectProblem(.forbidden, type: "forbidden")
            #expect(foreign.problemErrors.keys.sorted() == ["/presenter_id"])
            let otherSeries = try await client.send(
                .post, "/api/v1/agenda-items", token: north,
                json:
                    #"{"series_id": "south-team", "occurrence_date": "2027-01-28", "title": "x", "presenter_id": "ben"}"#
            )
            #expect(otherSeries.problemErrors.keys.sorted() == ["/presenter_id", "/series_id"])

            let own = try await client.send(
                .post, "/api/v1/agenda-items", token: north,
                json: #"{"series_id": "leaders", "occurrence_date": "2027-01-26", "title": "x", "presenter_id": "ana"}"#
            )
            #expect(own.status == .created)
            let changed = try await client.send(
                .patch, "/api/v1/agenda-items/\(id(own.object))", token: north, json: #"{"presenter_id": "cara"}"#)
            changed.expectProblem(.forbidden, type: "forbidden")
            #expect(changed.problemErrors.keys.sorted() == ["/presenter_id"])
        }
        #expect(try harness.store.agendaItem(id: 1)?.presenterID == "ana")
        #expect(harness.changeCount == 1)
    }

    @Test("A partner token's agenda items are those of series its partner attends")
    func partnerAgendaItems() async throws {
        let harness = try APIHarness()
        let admin = try harness.token()
        let north = try harness.token(partner: "north")
        try await harness.application().test(.router) { client in
            let south = try await client.send(
                .post, "/api/v1/agenda-items", token: admin,
                json: #"{"series_id": "south-team", "occurrence_date": "2027-01-28", "title": "South only"}"#)
            let southID = id(south.object)
            let own = try await client.send(
                .post, "/api/v1/agenda-items", token: north,
                json: #"{"series_id": "leaders", "occurrence_date": "2027-01-26", "title": "North item"}"#)
            #expect(own.status == .created)

            let list = try await client.send(.get, "/api/v1/agenda-items", token: north)
            #expect(list.items.map(id) == [id(own.object)])
            #expect(list.object["total"] as? Int == 1)
            let other = try await client.send(.get, "/api/v1/agenda-items?series=south-team", token: north)
            other.expectProblem(.forbidden)
            #expect(try await client.send(.get, "/api/v1/agenda-items/\(southID)", token: north).status == .notFound)
            #expect(try await client.send(.delete, "/api/v1/agenda-items/\(southID)", token: north).status == .notFound)
            let submit = try await client.send(
                .post, "/api/v1/agenda-items", token: north,
                json: #"{"series_id": "south-team", "occurrence_date": "2027-01-28", "title": "Nope"}"#)
            submit.expectProblem(.forbidden)
        }
    }

    @Test("A partner token reads every indicator result but records only its own indicators")
    func partnerIndicatorResults() async throws {
        let harness = try APIHarness()
        let admin = try harness.token()
        let north = try harness.token(partner: "north")
        try await harness.application().test(.router) { client in
            _ = try await client.send(
                .post, "/api/v1/indicator-results", token: admin,
                json: #"{"indicator_id": "attendance", "period": "2026-12", "value": 90}"#)
            let all = try await client.send(.get, "/api/v1/indicator-results", token: north)
            #expect(all.object["total"] as? Int == 1)
            let own = try await client.send(
                .post, "/api/v1/indicator-results", token: north,
                json: #"{"indicator_id": "enrolment", "period": "2026-Q4", "value": 70}"#)
            #expect(own.status == .created)
            let other = try await client.send(
                .post, "/api/v1/indicator-results", token: north,
                json: #"{"indicator_id": "attendance", "period": "2026-11", "value": 10}"#)
            other.expectProblem(.forbidden)
        }
        #expect(harness.changeCount == 2)
    }

    @Test("Tokens never reach the log, even when the store fails")
    func tokensStayOutOfLogs() async throws {
        let harness = try APIHarness()
        let token = try harness.token()
        try await harness.application().test(.router) { client in
            _ = try await client.send(.get, "/api/v1/actions", token: token)
            _ = try await client.send(.get, "/api/v1/actions", token: token + "x")
            _ = try await client.send(
                .post, "/api/v1/actions", token: token, json: #"{"title": "x", "owner_id": "ana"}"#)
        }
        #expect(!harness.logs.all.contains { $0.contains(token) })
    }
}
