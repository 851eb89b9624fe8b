import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing
import WardenAuditLog
import WardenService
import WardenTestSupport
import WardenValue

/// One sample of the Prometheus text format: `name{label="value",...} number`.
struct PrometheusSample: Hashable {
    var name: String
    var labels: [String: String]
    var value: Double

    /// Parses the exposition; `nil` when a line is neither a comment nor a well-formed sample.
    static func parse(_ text: String) -> [PrometheusSample]? {
        var samples: [PrometheusSample] = []
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            guard let space = line.lastIndex(of: " "), let value = Double(line[line.index(after: space)...]) else {
                return nil
            }
            let series = line[..<space]
            var name = String(series)
            var labels: [String: String] = [:]
            if let open = series.firstIndex(of: "{") {
                guard series.hasSuffix("}") else { return nil }
                name = String(series[..<open])
                let body = series[series.index(after: open)..<series.index(before: series.endIndex)]
                for pair in body.split(separator: ",") where !pair.isEmpty {
                    let parts = pair.split(separator: "=", maxSplits: 1)
                    guard parts.count == 2, parts[1].hasPrefix("\""), parts[1].hasSuffix("\""), parts[1].count >= 2
                    else {
                        return nil
                    }
                    labels[String(parts[0])] = String(parts[1].dropFirst().dropLast())
                }
            }
            guard name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == ":" }), !name.isEmpty else {
                return nil
            }
            samples.append(PrometheusSample(name: name, labels: labels, value: value))
        }
        return samples
    }
}

extension [PrometheusSample] {
    /// The value of the sample `name` whose labels include `labels`, 0 when absent.
    func value(_ name: String, _ labels: [String: String] = [:]) -> Double {
        first { sample in sample.name == name && labels.allSatisfy { key, value in sample.labels[key] == value } }?
            .value ?? 0
    }
}

@Suite("GET /metrics: Prometheus text whose counters move")
struct MetricsTests {
    static let policies = ServiceClient.root.appendingPathComponent("policies").path
    static let allowed =
        #"{"actor": {"id": "ops", "meta": {"role": "admin"}}, "action": "process.terminate", "resource": "{app:processes|0x00002}"}"#
    static let denied =
        #"{"actor": {"id": "guest"}, "action": "process.terminate", "resource": "{app:processes|0x00002}"}"#

    @Test func decisionsReloadsAndErrorsAreCounted() async throws {
        let service = try DecisionService(loading: [Self.policies])
        let before = try #require(
            PrometheusSample.parse(String(decoding: service.metrics.exposition(audit: nil), as: UTF8.self)))
        let answers = try await ServiceClient.send(
            service,
            [
                (.post, "/v1/decide", Self.allowed), (.post, "/v1/decide", Self.denied),
                (.post, "/v1/decide", #"{"requests": [\#(Self.allowed), \#(Self.allowed)]}"#),
                (.post, "/v1/decide", "{"), (.post, "/v1/check", #"{"call": "register app.x"}"#),
                (.post, "/v1/policies/reload", nil), (.get, "/metrics", nil),
            ])
        #expect(answers.dropLast().map(\.status) == [200, 200, 200, 400, 200, 200])
        let metrics = answers.last
        #expect(metrics?.status == 200)
        let samples = try #require(PrometheusSample.parse(metrics?.body ?? ""), "\(metrics?.body ?? "")")
        func moved(_ name: String, _ labels: [String: String]) -> Double {
            samples.value(name, labels) - before.value(name, labels)
        }
        #expect(moved("warden_decisions_total", ["endpoint": "decide", "result": "allow"]) == 3)
        #expect(moved("warden_decisions_total", ["endpoint": "decide", "result": "deny"]) == 1)
        #expect(moved("warden_decisions_total", ["endpoint": "decide", "result": "error"]) == 1)
        #expect(moved("warden_decisions_total", ["endpoint": "check", "result": "deny"]) == 1)
        #expect(moved("warden_reloads_total", ["result": "ok"]) == 1)
        #expect(moved("warden_request_duration_seconds_count", ["endpoint": "decide"]) == 4)
        #expect(samples.contains { $0.name == "warden_request_duration_seconds_bucket" && $0.labels["le"] == "+Inf" })
    }

    @Test func refusalsAndAuditFiguresAreCounted() async throws {
        let sink = InMemoryAuditSink()
        sink.failWrites(with: AuditError(.writeFailed, "disk full"))
        let log = AuditLog(
            node: "gw", sink: sink, mode: .sync, failurePolicy: .failClosed, logger: Logger(label: "test"))
        let metrics = ServiceMetrics()
        let service = try DecisionService(loading: [Self.policies], audit: log, metrics: metrics)
        let table = TokenTable(entries: [])
        let access = AccessControl(tokens: table) { metrics.refused(status: $0) }
        let application = Application(router: ServiceRoutes.router(service, access: access))
        let body = RemoteCaller.admin.body(remoteCalls[0])
        try await application.test(.router) { client in
            _ = try await client.execute(uri: "/v1/decide", method: .post, body: ByteBuffer(string: Self.allowed))
        }
        let open = Application(router: ServiceRoutes.router(service))
        try await open.test(.router) { client in
            _ = try await client.execute(uri: "/v1/authorize", method: .post, body: ByteBuffer(string: body))
        }
        await log.shutdown()
        let samples = try #require(
            PrometheusSample.parse(String(decoding: metrics.exposition(audit: log), as: UTF8.self)))
        #expect(samples.value("warden_http_refused_total", ["status": "401"]) == 1)
        #expect(samples.value("warden_audit_write_errors_total") == 1)
        #expect(samples.value("warden_decisions_total", ["endpoint": "authorize", "result": "deny"]) == 1)
        #expect(samples.contains { $0.name == "warden_audit_queue_depth" })
    }
}
