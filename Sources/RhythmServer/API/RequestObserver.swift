/// Told about every answered request, for metrics: which part of the service it reached
/// (`feed`, `agenda`, `api`, `health`, `metrics` or `other`) and the status sent.
public protocol RequestObserver: Sendable {
    func observe(area: String, status: Int)
}
