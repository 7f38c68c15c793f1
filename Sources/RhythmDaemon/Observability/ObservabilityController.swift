import Hummingbird
import NIOPosix
import RhythmServer

/// `/readyz` and `/metrics`. `/healthz` (alive) is the server's own.
///
/// `/metrics` tells how busy the service is and names its channels; put it behind the
/// reverse proxy's allow-list (deploy/nginx/rhythm.conf serves it to localhost only).
struct ObservabilityController: Sendable {
    let readiness: Readiness
    let metrics: RhythmMetrics

    func addRoutes(to router: Router<RhythmRequestContext>) {
        router.get("/readyz") { _, _ -> Response in
            let report = try await NIOThreadPool.singleton.runIfActive { readiness.report() }
            return Response(
                status: report.ready ? .ok : .serviceUnavailable,
                headers: [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-store"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: report.body)))
        }
        router.get("/metrics") { _, _ -> Response in
            Response(
                status: .ok,
                headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8", .cacheControl: "no-store"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: metrics.exposition())))
        }
    }
}
