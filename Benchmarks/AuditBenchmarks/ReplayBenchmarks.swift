import Benchmark
import WardenAuditReview
import WardenGateway

/// Replay of the 1,000,000-record data set against ``ReplayPolicies``: reading and parsing every
/// record, then evaluating each of its checks again (`warden audit replay`), from the JSON Lines
/// log and from the database.
func replayBenchmarks() {
    let policies = ReplayPolicies.load()
    Benchmark(
        "replay JSONL, 1,000,000 records",
        configuration: .init(
            metrics: [.wallClock], timeUnits: .milliseconds, warmupIterations: 0, maxDuration: .seconds(60),
            maxIterations: 5),
        closure: { _ in
            var replayer = AuditReplayer(policies: policies)
            var changes = 0
            let cursor = try AuditReader.files([try await BenchmarkData.largeLog()]).recordsReadAhead()
            let summary = try replayer.replay(records: { () throws(AuditReadError) in try cursor.next()?.record }) {
                _ in changes += 1
            }
            precondition(
                summary.records == BenchmarkData.largeCount && changes > 0, "replay read \(summary.records) records")
            blackHole(summary)
        },
        setup: { _ = try await BenchmarkData.largeLog() })

    Benchmark(
        "replay database, 1,000,000 records",
        configuration: .init(
            metrics: [.wallClock], timeUnits: .milliseconds, warmupIterations: 0, maxDuration: .seconds(60),
            maxIterations: 5),
        closure: { _ in
            var replayer = AuditReplayer(policies: policies)
            var changes = 0
            let cursor = try AuditReader.database(try await BenchmarkData.largeDatabase()).recordsReadAhead()
            let summary = try replayer.replay(records: { () throws(AuditReadError) in try cursor.next()?.record }) {
                _ in changes += 1
            }
            precondition(
                summary.records == BenchmarkData.largeCount && changes > 0, "replay read \(summary.records) records")
            blackHole(summary)
        },
        setup: { _ = try await BenchmarkData.largeDatabase() })
}
