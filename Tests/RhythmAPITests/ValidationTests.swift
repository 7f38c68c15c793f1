import HTTPTypes
import Hummingbird
import HummingbirdTesting
import RhythmCore
import RhythmStore
import Testing

@Suite("Validation: every bad field in one problem, with its pointer")
struct ValidationTests {
    @Test("A new action with everything wrong")
    func actionFields() async throws {
        let harness = try APIHarness()
        let token = try harness.token()
        try await harness.application().test(.router) { client in
            let response = try await client.send(
                .post, "/api/v1/actions", token: token,
                json: """
                    {"title": "   ", "details": 7, "owner_id": "zoe", "partner_id": "east", "group_id": "choir",
                     "series_id": "gala", "raised_on": "12/01/2027", "due": "2027-02-30", "status": "finished",
                     "colour": "red"}
                    """)
            response.expectProblem(.unprocessableContent, type: "invalid-fields")
            #expect(
                response.problemErrors == [
                    "/title": "Must not be empty.",
                    "/details": "Must be a string, not a number.",
                    "/owner_id": "No person has the id \"zoe\".",
                    "/partner_id": "No partner has the id \"east\".",
                    "/group_id": "No group has the id \"choir\".",
                    "/series_id": "No meeting series has the id \"gala\".",
                    "/raised_on": "Must be a date written YYYY-MM-DD, such as 2027-03-15.",
                    "/due": "Must be a date written YYYY-MM-DD, such as 2027-03-15.",
                    "/status": "Unknown status \"finished\"; use one of open, in-progress, blocked, done, dropped.",
                    "/colour": "Unknown field: an action has no field named \"colour\".",
                ])
            #expect(harness.changeCount == 0)
        }
    }

    @Test("Required fields, lengths and null where a value must stay")
    func requiredAndLength() async throws {
        let harness = try APIHarness()
        let token = try harness.token()
        try await harness.application().test(.router) { client in
            let missing = try await client.send(.post, "/api/v1/actions", token: token, json: #"{"owner_id": null}"#)
            #expect(
                missing.problemErrors == [
                    "/title": "This field is required.",
                    "/owner_id": "This field is required and may not be null.",
                ])
            let long = String(repeating: "x", count: 201)
            let tooLong = try await client.send(
                .post, "/api/v1/actions", token: token, json: #"{"title": "\#(long)", "owner_id": "ana"}"#)
            #expect(tooLong.problemErrors == ["/title": "Must be at most 200 characters long; it has 201."])
            let exact = String(repeating: "é", count: 200)
            let fits = try await client.send(
                .post, "/api/v1/actions", token: token, json: #"{"title": "\#(exact)", "owner_id": "ana"}"#)
            #expect(fits.status == .created)

            let patch = try await client.send(
                .patch, "/api/v1/actions/\(id(fits.object))", token: token,
                json: #"{"title": null, "status": null, "owner_id": null, "id": 5}"#)
            patch.expectProblem(.unprocessableContent)
            #expect(
                patch.problemErrors == [
                    "/title": "An action always has a title; it may not be null.",
                    "/status": "An action always has a status; it may not be null.",
                    "/owner_id": "An action always has an owner; it may not be null.",
                    "/id": "Unknown field: an action has no field named \"id\".",
                ])
        }
    }

    @Test("A new agenda item: presenter, minutes, date of a planned occurrence")
    func agendaItemFields() async throws {
        let harness = try APIHarness()
        let token = try harness.token()
        try await harness.application().test(.router) { client in
            let bad = try await client.send(
                .post, "/api/v1/agenda-items", token: token,
                json: """
                    {"series_id": "leaders", "occurrence_date": "2027-01-27", "title": "",
                     "presenter_id": "zoe", "minutes": 0, "notes": ["a"]}
                    """)
            bad.expectProblem(.unprocessableContent)
            #expect(
                bad.problemErrors == [
                    "/title": "Must not be empty.",
                    "/notes": "Must be a string, not an array.",
                    "/occurrence_date": "Series leaders has no occurrence planned on 2027-01-27, nor one moved to it.",
                    "/presenter_id": "No person has the id \"zoe\".",
                    "/minutes": "Must be from 1 to 480 minutes; it is 0.",
                ])
            let more = try await client.send(
                .post, "/api/v1/agenda-items", token: token,
                json: #"{"series_id": "gala", "occurrence_date": "soon", "title": "X", "minutes": 481.5}"#)
            #expect(
                more.problemErrors == [
                    "/series_id": "No meeting series has the id \"gala\".",
                    "/occurrence_date": "Must be a date written YYYY-MM-DD, such as 2027-03-15.",
                    "/minutes": "Must be a whole number, not a fractional number.",
                ])
            let tooLong = try await client.send(
                .post, "/api/v1/agenda-items", token: token,
                json: #"{"series_id": "leaders", "occurrence_date": "2027-01-26", "title": "X", "minutes": 481}"#)
            #expect(tooLong.problemErrors == ["/minutes": "Must be from 1 to 480 minutes; it is 481."])

            let created = try await client.send(
                .post, "/api/v1/agenda-items", token: token,
                json: #"{"series_id": "leaders", "occurrence_date": "2027-01-26", "title": "X", "minutes": 480}"#)
            #expect(created.status == .created)
            let patch = try await client.send(
                .patch, "/api/v1/agenda-items/\(id(created.object))", token: token,
                json: #"{"series_id": "south-team", "occurrence_date": "2027-01-28", "minutes": -5}"#)
            #expect(
                patch.problemErrors == [
                    "/series_id": "An agenda item cannot move to another series; withdraw it and submit a new one.",
                    "/occurrence_date": "Series leaders has no occurrence planned on 2027-01-28, nor one moved to it.",
                    "/minutes": "Must be from 1 to 480 minutes; it is -5.",
                ])
        }
    }

    @Test("An indicator result: known indicator, period of its kind, a number")
    func indicatorResultFields() async throws {
        let harness = try APIHarness()
        let token = try harness.token()
        try await harness.application().test(.router) { client in
            let wrongKind = try await client.send(
                .post, "/api/v1/indicator-results", token: token,
                json: #"{"indicator_id": "enrolment", "period": "2027-03", "value": "high", "source": "x"}"#)
            #expect(
                wrongKind.problemErrors == [
                    "/period": "Indicator enrolment is reported by quarter, not by month.",
                    "/value": "Must be a number, not a string.",
                    "/source": "Unknown field: an indicator result has no field named \"source\".",
                ])
            let unknown = try await client.send(
                .post, "/api/v1/indicator-results", token: token,
                json: #"{"indicator_id": "wellbeing", "period": "2027-Q5"}"#)
            #expect(
                unknown.problemErrors == [
                    "/value": "This field is required.",
                    "/indicator_id": "No indicator has the id \"wellbeing\".",
                    "/period": "Must be a reporting period such as 2027-03, 2027-Q1, 2027-H1 or 2027.",
                ])
        }
    }

    @Test("A value for a period that has not begun in the initiative's zone is refused; the current one is not")
    func futurePeriod() async throws {
        let harness = try APIHarness()
        let token = try harness.token()
        try await harness.application().test(.router) { client in
            // Today is 20 January 2027 in Europe/London.
            let future = try await client.send(
                .post, "/api/v1/indicator-results", token: token,
                json: #"{"indicator_id": "attendance", "period": "2027-02", "value": 95}"#)
            future.expectProblem(.unprocessableContent, type: "invalid-fields")
            #expect(
                future.problemErrors == [
                    "/period": "The period 2027-02 has not started: it begins on 2027-02-01, and today is 2027-01-20 "
                        + "in Europe/London. Record its value once the period has begun."
                ])
            let farQuarter = try await client.send(
                .post, "/api/v1/indicator-results", token: token,
                json: #"{"indicator_id": "enrolment", "period": "2031-Q2", "value": 95}"#)
            #expect(farQuarter.problemErrors.keys.sorted() == ["/period"])
            let current = try await client.send(
                .post, "/api/v1/indicator-results", token: token,
                json: #"{"indicator_id": "attendance", "period": "2027-01", "value": 95}"#)
            #expect(current.status == .created)
            #expect(try harness.store.allIndicatorResults().map(\.period.description) == ["2027-01"])
        }
    }

    @Test("An empty or unknown status in the action list's query is a 400 naming status")
    func emptyStatus() async throws {
        let harness = try APIHarness()
        let token = try harness.token()
        try await harness.application().test(.router) { client in
            for query in ["status=", "status=open,", "status=%2C", "status=closed"] {
                let response = try await client.send(.get, "/api/v1/actions?\(query)", token: token)
                response.expectProblem(.badRequest, type: "invalid-query")
                #expect(response.problemErrors["?status"]?.hasPrefix("Unknown status") == true, "\(query)")
            }
            let fine = try await client.send(.get, "/api/v1/actions?status=open,done", token: token)
            #expect(fine.status == .ok)
        }
    }

    @Test("Malformed JSON is a 400 that says where; a body that is not an object is a 422 at the root")
    func malformedJSON() async throws {
        let harness = try APIHarness()
        let token = try harness.token()
        try await harness.application().test(.router) { client in
            let broken = try await client.send(
                .post, "/api/v1/actions", token: token, json: "{\"title\": \"A\",\n \"owner_id\": }")
            let problem = broken.expectProblem(.badRequest, type: "malformed-json")
            let detail = problem["detail"] as? String ?? ""
            #expect(detail == "The body is not valid JSON: Invalid value around character 28. (line 2, column 14)")
            let truncated = try await client.send(.post, "/api/v1/actions", token: token, json: #"{"title": tru"#)
            truncated.expectProblem(.badRequest, type: "malformed-json")

            let array = try await client.send(.post, "/api/v1/actions", token: token, json: "[1, 2]")
            array.expectProblem(.unprocessableContent)
            #expect(array.problemErrors == ["": "The body must be a JSON object, not an array."])
            #expect(harness.changeCount == 0)
        }
    }
}
