import Benchmark
import WardenAuditLog

/// Records per second through ``AuditLog`` and ``JSONLFileSink`` with gateway-shaped entries
/// (2-4 checks each). An iteration writes a batch of records from `producers` concurrent tasks
/// and ends when the sink has all of them (`async`: handed to `write(2)`, counted by the sink
/// wrapper, no fsync; `sync`/`durable`: when every `record` call returned).
///
/// The audit module's own AuditBenchmarks measure the log with its own entries; these use the
/// records the gateway writes and the producer counts the gateway sees.
func auditThroughputBenchmarks() {
    let cases: [(name: String, mode: DeliveryMode, producers: Int, records: Int, discarding: Bool)] = [
        ("async 1 producer", .async, 1, 20_000, false),
        ("async 64 producers", .async, 64, 20_000, false),
        ("sync 64 callers", .sync, 64, 8_192, false),
        ("durable 64 callers", .durable, 64, 8_192, false),
        // The log alone (encode, queue, seal, hand over), to tell its share from the file's.
        ("async 1 producer, null sink", .async, 1, 20_000, true),
    ]
    let rate = BenchmarkMetric.custom("records/s", polarity: .prefersLarger, useScalingFactor: false)
    for item in cases {
        let configuration = Benchmark.Configuration(
            metrics: [.wallClock, rate], timeUnits: .milliseconds, maxDuration: .seconds(5), maxIterations: 100)
        let fixture = Fixture<TemporaryAuditLog>()
        Benchmark("Audit \(item.name)", configuration: configuration) { benchmark, audit in
            let before = audit.counter.written
            benchmark.startMeasurement()
            let started = ContinuousClock.now
            try await produce(item.records, producers: item.producers, into: audit.log)
            await audit.counter.waitUntilWritten(before + item.records)
            let elapsed = ContinuousClock.now - started
            benchmark.stopMeasurement()
            benchmark.measurement(rate, Int(Double(item.records) / seconds(elapsed)))
            try audit.dropArchives()
        } setup: {
            fixture.set(try TemporaryAuditLog(mode: item.mode, discarding: item.discarding))
        } teardown: {
            await fixture.take()?.close()
        }
    }

}

/// Writes `count` entries from `producers` tasks, each writing its share one after the other.
private func produce(_ count: Int, producers: Int, into log: AuditLog) async throws {
    try await withThrowingTaskGroup(of: Void.self) { group in
        for producer in 0..<producers {
            let share = count / producers + (producer < count % producers ? 1 : 0)
            group.addTask {
                for n in 0..<share { try await log.record(GatewayEntries.entry(producer &+ n)) }
            }
        }
        try await group.waitForAll()
    }
}

private func seconds(_ duration: Duration) -> Double {
    let (seconds, attoseconds) = duration.components
    return Double(seconds) + Double(attoseconds) / 1e18
}
