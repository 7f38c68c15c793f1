import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import RhythmAPI
import RhythmCore
import RhythmStore
import Synchronization
import Testing

@Suite("What the API hands to the rest of Rhythm")
struct CompositionTests {
    @Test("Writes are audited as api:<token name>")
    func auditActor() async throws {
        let harness = try APIHarness()
        let token = try harness.token(name: "north-portal")
        try await harness.application().test(.router) { client in
            let created = try await client.send(
                .post, "/api/v1/actions", token: token, json: #"{"title": "Audited", "owner_id": "ana"}"#)
            _ = try await client.send(
                .patch, "/api/v1/actions/\(id(created.object))", token: token, json: #"{"status": "done"}"#)
        }
        let entries = try harness.store.auditEntries(entity: nil, entityID: nil, limit: 10)
        #expect(entries.count == 2)
        #expect(entries.allSatisfy { $0.actor == "api:north-portal" })
        #expect(entries.allSatisfy { $0.at == .testNow })
    }

    @Test("The initiative is asked for on every request, so a reloaded configuration counts at once")
    func seesReload() async throws {
        let harness = try APIHarness()
        let token = try harness.token()
        let current = Mutex(TestInitiative.make())
        let routes = APIRoutes(
            store: harness.store, initiative: { current.withLock { $0 } }, now: { .testNow },
            logger: harness.logs.logger)
        let router = Router()
        routes.register(on: router)
        let application = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await application.test(.router) { client in
            let body = #"{"title": "For Dana", "owner_id": "dana"}"#
            let before = try await client.send(.post, "/api/v1/actions", token: token, json: body)
            #expect(before.problemErrors == ["/owner_id": "No person has the id \"dana\"."])
            current.withLock {
                $0.people.append(
                    Person(id: "dana", name: "Dana", email: "dana@rhythm.test", timeZone: TestInitiative.zone))
            }
            let after = try await client.send(.post, "/api/v1/actions", token: token, json: body)
            #expect(after.status == .created)
        }
    }
}
