import Foundation
import Prometheus
import RhythmServer
import RhythmStore
import Synchronization

/// The service's numbers in Prometheus' text format, for `/metrics`: deliveries by channel
/// and result, the outbox, HTTP requests by area and status, reloads and the next wake-up.
public final class RhythmMetrics: RequestObserver, Sendable {
    private let registry = PrometheusCollectorRegistry()
    private let reminderCounters = Mutex<[String: Counter]>([:])
    private let requestCounters = Mutex<[String: Counter]>([:])
    private let outboxDepth: Gauge
    private let oldestDueAge: Gauge
    private let lastReload: Gauge
    private let nextWakeup: Gauge
    private let dispatchPasses: Counter

    public init() {
        outboxDepth = registry.makeGauge(
            descriptor: Self.name(
                "outbox", "pending", unit: "entries", "Outbox entries waiting to be sent, held ones included."))
        oldestDueAge = registry.makeGauge(
            descriptor: Self.name(
                "outbox", "oldest_due_age", unit: "seconds",
                "How long the oldest entry that is due now has waited; 0 when none is due."))
        lastReload = registry.makeGauge(
            descriptor: Self.name(
                "config", "last_reload_timestamp", unit: "seconds",
                "When the configuration was last loaded successfully (Unix time)."))
        nextWakeup = registry.makeGauge(
            descriptor: Self.name(
                "dispatcher", "next_wakeup_timestamp", unit: "seconds",
                "When the dispatcher next wakes up on its own (Unix time)."))
        dispatchPasses = registry.makeCounter(
            descriptor: Self.name(
                "dispatcher", "passes", unit: "total", "Times the dispatcher woke up and sent what was due."))
    }

    /// `rhythm_<subsystem>_<name>_<unit>`.
    private static func name(_ subsystem: String, _ name: String, unit: String, _ help: String)
        -> MetricNameDescriptor
    {
        MetricNameDescriptor(
            namespace: "rhythm", subsystem: subsystem, metricName: name, unitName: unit, helpText: help)
    }

    /// One finished delivery attempt: `result` is sent, retry, dead, held or withdrawn.
    func recordDelivery(channel: String, result: String) {
        increment(
            Self.name(
                "delivery", "reminders", unit: "total",
                "Reminders and invitations by channel and what became of the attempt."),
            labels: [("channel", channel), ("result", result)], in: reminderCounters)
    }

    public func observe(area: String, status: Int) {
        increment(
            Self.name(
                "http", "requests", unit: "total",
                "HTTP requests by area (feed, agenda, api, health, metrics, other) and status."),
            labels: [("area", area), ("status", String(status))], in: requestCounters)
    }

    /// Adds one to the counter of `descriptor` with `labels`, made on first use and kept in
    /// `counters` (the registry wants each label set made once).
    private func increment(
        _ descriptor: MetricNameDescriptor, labels: [(String, String)], in counters: borrowing Mutex<[String: Counter]>
    ) {
        let key = labels.map { "\($0.0)=\($0.1)" }.joined(separator: "\u{0}")
        let counter = counters.withLock { counters in
            if let counter = counters[key] { return counter }
            let counter = registry.makeCounter(descriptor: descriptor, labels: labels)
            counters[key] = counter
            return counter
        }
        counter.increment()
    }

    func recordPass() { dispatchPasses.increment() }

    func recordReload(at date: Date) { lastReload.set(date.timeIntervalSince1970) }

    func recordNextWakeup(_ date: Date) { nextWakeup.set(date.timeIntervalSince1970) }

    /// Reads the outbox's depth and the age of its oldest due entry from the store.
    func refreshOutbox(from store: AppDatabase, now: Date) throws(StoreError) {
        let counts = try store.outboxCounts()
        outboxDepth.set(Double(counts[.pending] ?? 0))
        let oldest = try store.earliestDue(claimableAt: now)
        oldestDueAge.set(oldest.map { max(0, now.timeIntervalSince($0)) } ?? 0)
    }

    /// The text `/metrics` serves.
    public func exposition() -> String {
        registry.emitToString()
    }
}
