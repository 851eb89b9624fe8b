import CoreMetrics
import Prometheus
import Synchronization
import WardenAuditLog

/// The service's metrics, kept in one Prometheus registry and served as text at `GET /metrics`.
///
/// Created through swift-metrics with the registry's factory passed explicitly (nothing is
/// bootstrapped globally): decisions by endpoint and result, request latency by endpoint,
/// reloads by result, refused requests by status, and the audit log's queue and write errors.
public final class ServiceMetrics: Sendable {
    /// The endpoints whose decisions and latency are counted.
    public enum Endpoint: String, Sendable, CaseIterable {
        case decide, check, authorize
    }

    /// A decision's result as counted: `allow`, `deny`, or `error` for a refused request.
    public enum Result: String, Sendable, CaseIterable {
        case allow, deny, error
    }

    /// The registry the metrics live in.
    public let registry: PrometheusCollectorRegistry
    private let decisions: [Endpoint: [Result: CoreMetrics.Counter]]
    private let latency: [Endpoint: CoreMetrics.Timer]
    private let reloads: [Bool: CoreMetrics.Counter]
    private let refused: [Int: CoreMetrics.Counter]
    private let auditQueue: Prometheus.Gauge
    private let auditErrors: Prometheus.Counter
    private let auditErrorsSeen = Atomic<Int>(0)

    /// Creates the metrics in `registry` (a fresh one by default).
    public init(registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) {
        self.registry = registry
        let factory = PrometheusMetricsFactory(registry: registry)
        var decisions: [Endpoint: [Result: CoreMetrics.Counter]] = [:]
        var latency: [Endpoint: CoreMetrics.Timer] = [:]
        for endpoint in Endpoint.allCases {
            for result in Result.allCases {
                decisions[endpoint, default: [:]][result] = CoreMetrics.Counter(
                    label: "warden_decisions_total",
                    dimensions: [("endpoint", endpoint.rawValue), ("result", result.rawValue)], factory: factory)
            }
            latency[endpoint] = CoreMetrics.Timer(
                label: "warden_request_duration_seconds", dimensions: [("endpoint", endpoint.rawValue)],
                factory: factory)
        }
        self.decisions = decisions
        self.latency = latency
        reloads = [
            true: CoreMetrics.Counter(label: "warden_reloads_total", dimensions: [("result", "ok")], factory: factory),
            false: CoreMetrics.Counter(
                label: "warden_reloads_total", dimensions: [("result", "failed")], factory: factory),
        ]
        refused = [
            401: CoreMetrics.Counter(
                label: "warden_http_refused_total", dimensions: [("status", "401")], factory: factory),
            403: CoreMetrics.Counter(
                label: "warden_http_refused_total", dimensions: [("status", "403")], factory: factory),
        ]
        auditQueue = registry.makeGauge(
            descriptor: MetricNameDescriptor(
                namespace: "warden", metricName: "audit_queue", unitName: "depth",
                helpText: "Audit records queued and not yet taken by the writer"))
        auditErrors = registry.makeCounter(
            descriptor: MetricNameDescriptor(
                namespace: "warden", metricName: "audit_write_errors", unitName: "total",
                helpText: "Audit records that could not be written"))
    }

    /// Counts `count` decisions of `endpoint` with `result`.
    public func decided(_ endpoint: Endpoint, _ result: Result, count: Int = 1) {
        decisions[endpoint]?[result]?.increment(by: Int64(count))
    }

    /// Records how long one request of `endpoint` took.
    public func observe(_ endpoint: Endpoint, since start: ContinuousClock.Instant) {
        let (seconds, attoseconds) = (ContinuousClock.now - start).components
        latency[endpoint]?.recordNanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }

    /// Counts a reload, swapped in or failed.
    public func reloaded(ok: Bool) {
        reloads[ok]?.increment()
    }

    /// Counts a request refused with `status` (401 or 403).
    public func refused(status: Int) {
        refused[status]?.increment()
    }

    /// The Prometheus text exposition, the audit log's figures read first.
    public func exposition(audit: AuditLog?) -> [UInt8] {
        if let audit {
            auditQueue.set(Double(audit.queuedRecords))
            let failures = audit.failureCount
            let before = auditErrorsSeen.exchange(failures, ordering: .relaxed)
            if failures > before { auditErrors.increment(by: Int64(failures - before)) }
        }
        return registry.emitToBuffer()
    }
}
