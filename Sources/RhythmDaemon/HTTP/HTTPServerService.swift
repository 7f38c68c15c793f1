import Hummingbird
import RhythmServer
import ServiceLifecycle

/// Runs the HTTP application in the service group, with the `Date` header formatted on demand
/// so that an idle server sleeps (``ApplicationProtocol/runWithLazyDate()``), and reports a
/// failure to listen as a ``ListenError`` naming the address. The server throws only while
/// starting (a failure after it listens is logged by the server and does not end it), so
/// whatever it throws is a failure to bind.
struct HTTPServerService<Application: ApplicationProtocol>: Service {
    let application: Application
    let host: String
    let port: Int

    func run() async throws {
        do {
            try await application.runWithLazyDate()
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            throw ListenError(binding: host, port: port, failedWith: error)
        }
    }
}
