import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOPosix
import RhythmCore
import RhythmStore

/// The JSON API under /api/v1, through which a partner portal or a form feeds actions, agenda
/// items, indicator results and answers for meetings into Rhythm, and its OpenAPI document
/// at /api/openapi.json.
///
/// Every request but the document's needs a bearer token from the store. Every write is
/// checked against the initiative of the moment (asked of `initiative` on each request, so a
/// configuration reload is seen at once), recorded in the audit trail as `api:<token name>`,
/// and followed by `onChange`, so that the daemon can drop the feeds and agendas it cached.
public struct APIRoutes: Sendable {
    let store: AppDatabase
    let initiative: @Sendable () -> Initiative
    let onChange: @Sendable () async -> Void
    let liveChanges: LiveChangeHooks
    let now: @Sendable () -> Date
    let logger: Logger

    /// - Parameters:
    ///   - store: where actions, agenda items, indicator results and API tokens live.
    ///   - initiative: the current configuration's initiative, asked for on every request.
    ///   - onChange: called after every successful write, once the store has committed it.
    ///   - liveChanges: the file's initiative and the publishing hook for occurrence changes;
    ///     nil when `initiative` is the file's own and nothing needs publishing (tests).
    ///   - now: the clock: audit timestamps and what "overdue" means today.
    ///   - logger: for failures inside Rhythm; requests are logged by the server.
    public init(
        store: AppDatabase,
        initiative: @escaping @Sendable () -> Initiative,
        onChange: @escaping @Sendable () async -> Void = {},
        liveChanges: LiveChangeHooks? = nil,
        now: @escaping @Sendable () -> Date = { Date() },
        logger: Logger
    ) {
        self.store = store
        self.initiative = initiative
        self.onChange = onChange
        self.liveChanges = liveChanges ?? LiveChangeHooks(fileInitiative: initiative, onLiveChange: {})
        self.now = now
        self.logger = logger
    }

    /// Adds the API's routes, and a middleware that answers its errors as problem details,
    /// to `router`.
    public func register<Context: RequestContext>(on router: Router<Context>) {
        router.add(middleware: ProblemMiddleware())
        router.get("/api/openapi.json") { _, _ in try OpenAPIDocument.response() }

        router.get("/api/v1/actions") { request, _ in try await listActions(request) }
        router.post("/api/v1/actions") { request, _ in try await createAction(request) }
        router.get("/api/v1/actions/{id}") { request, context in
            try await showAction(request, id: context.parameters.get("id"))
        }
        router.patch("/api/v1/actions/{id}") { request, context in
            try await updateAction(request, id: context.parameters.get("id"))
        }

        router.get("/api/v1/agenda-items") { request, _ in try await listAgendaItems(request) }
        router.post("/api/v1/agenda-items") { request, _ in try await createAgendaItem(request) }
        router.get("/api/v1/agenda-items/{id}") { request, context in
            try await showAgendaItem(request, id: context.parameters.get("id"))
        }
        router.patch("/api/v1/agenda-items/{id}") { request, context in
            try await updateAgendaItem(request, id: context.parameters.get("id"))
        }
        router.delete("/api/v1/agenda-items/{id}") { request, context in
            try await deleteAgendaItem(request, id: context.parameters.get("id"))
        }
        router.post("/api/v1/agenda-items/{id}/withdraw") { request, context in
            try await withdrawAgendaItem(request, id: context.parameters.get("id"))
        }
        router.get("/api/v1/agendas/{series_id}/{occurrence_date}") { request, context in
            try await showAgenda(
                request, seriesID: context.parameters.get("series_id"),
                date: context.parameters.get("occurrence_date"))
        }

        router.get("/api/v1/attendance") { request, _ in try await listAttendance(request) }
        router.put("/api/v1/attendance/{series_id}/{occurrence_date}/{person_id}") { request, context in
            try await putAttendance(
                request, seriesID: context.parameters.get("series_id"),
                date: context.parameters.get("occurrence_date"), personID: context.parameters.get("person_id"))
        }

        router.get("/api/v1/minutes/{series_id}/{occurrence_date}") { request, context in
            try await showMinutes(
                request, seriesID: context.parameters.get("series_id"), date: context.parameters.get("occurrence_date"))
        }
        router.put("/api/v1/minutes/{series_id}/{occurrence_date}") { request, context in
            try await putMinutes(
                request, seriesID: context.parameters.get("series_id"), date: context.parameters.get("occurrence_date"))
        }
        router.post("/api/v1/minutes/{series_id}/{occurrence_date}/publish") { request, context in
            try await publishMinutes(
                request, seriesID: context.parameters.get("series_id"), date: context.parameters.get("occurrence_date"))
        }
        router.get("/api/v1/decisions") { request, _ in try await listDecisions(request) }
        router.get("/api/v1/occurrence-changes") { request, _ in try await listOccurrenceChanges(request) }
        router.post("/api/v1/occurrence-changes") { request, _ in try await createOccurrenceChange(request) }
        router.delete("/api/v1/occurrence-changes/{id}") { request, context in
            try await restoreOccurrenceChange(request, id: context.parameters.get("id"))
        }

        router.get("/api/v1/indicator-results") { request, _ in try await listIndicatorResults(request) }
        router.post("/api/v1/indicator-results") { request, _ in try await recordIndicatorResult(request) }
        router.get("/api/v1/indicator-results/{id}") { request, context in
            try await showIndicatorResult(request, id: context.parameters.get("id"))
        }
    }

    // MARK: - Shared steps

    /// Finds the token the request presents; 401 when there is none or it is not valid.
    func authenticate(_ request: Request) async throws -> Caller {
        guard let secret = Caller.secret(in: request.headers) else { throw APIProblem.unauthenticated }
        guard !secret.isEmpty else { throw APIProblem.invalidToken }
        let instant = now()
        let record = try await blocking { store in try store.apiToken(forSecret: secret, now: instant) }
        guard let record, record.revokedAt == nil else { throw APIProblem.invalidToken }
        return Caller(name: record.name, scope: record.scope, partnerID: record.partnerID)
    }

    /// Runs store work on NIO's thread pool: SQLite blocks, the cooperative pool must not.
    func blocking<Value: Sendable>(
        _ work: @escaping @Sendable (AppDatabase) throws -> Value
    ) async throws -> Value {
        let store = self.store
        return try await NIOThreadPool.singleton.runIfActive { try work(store) }
    }

    /// Tells the daemon that something changed, then answers.
    func changed(_ response: Response) async -> Response {
        await onChange()
        return response
    }

    /// A path id: a positive integer, else the resource cannot exist.
    func parseID(_ text: String?, kind: String) throws(APIProblem) -> Int64 {
        guard let text, let id = Int64(text), id > 0 else { throw APIProblem.notFound("No \(kind) has this id.") }
        return id
    }

    /// The local date today in the initiative's zone: what "overdue" is measured against.
    func today(in initiative: Initiative) -> LocalDate {
        initiative.timeZone.wallClock(at: now()).date
    }

    /// 201 with the created resource and its `Location`.
    func created(_ json: JSONValue, location: String) throws -> Response {
        var response = try APIResponse.json(json, status: .created)
        response.headers[.location] = location
        return response
    }
}
