import Benchmark
import Foundation
import WardenAuditLog
import WardenAuditRecord
import WardenAuditReview

/// Holds a log between a benchmark's setup, iterations and teardown.
final class LogHolder: @unchecked Sendable {
    // Safe: package-benchmark runs setup, the iterations and teardown one after another, never concurrently.
    var log: AuditLog?
    var directory: String?
    var next = 0
}

let benchmarks: @Sendable () -> Void = {
    let entries = (0..<4096).map(BenchmarkData.entry)

    // JSON Lines sink, async mode: callers return once queued; the bounded queue makes them wait
    // for the writer, so the steady rate is the writer's.
    for producers in [1, 4] {
        let holder = LogHolder()
        Benchmark(
            "JSONL async, \(producers) producer\(producers == 1 ? "" : "s") (1000 records)",
            configuration: .init(metrics: [.wallClock, .throughput], scalingFactor: .kilo, maxDuration: .seconds(5)),
            closure: { benchmark in
                guard let log = holder.log else { return }
                let perProducer = benchmark.scaledIterations.count / producers
                let base = holder.next
                holder.next += producers * perProducer
                await withTaskGroup(of: Void.self) { group in
                    for p in 0..<producers {
                        group.addTask {
                            for i in 0..<perProducer {
                                try? await log.record(entries[(base + p * perProducer + i) % entries.count])
                            }
                        }
                    }
                }
            },
            setup: {
                let dir = try BenchmarkData.scratch("jsonl-async")
                holder.directory = dir
                holder.log = AuditLog(
                    node: "bench",
                    sink: try JSONLFileSink(
                        path: "\(dir)/audit.jsonl", rotateAtBytes: 256 << 20, logger: BenchmarkData.quiet),
                    mode: .async, failurePolicy: .failClosed, logger: BenchmarkData.quiet)
            },
            teardown: {
                await holder.log?.shutdown()
                if let dir = holder.directory { try? FileManager.default.removeItem(atPath: dir) }
            })
    }

    // Durable mode: 64 concurrent callers, each call returns after fsync; callers share fsyncs.
    let durable = LogHolder()
    Benchmark(
        "JSONL durable, 64 concurrent callers (1024 records)",
        configuration: .init(metrics: [.wallClock, .throughput], scalingFactor: .kilo, maxDuration: .seconds(10)),
        closure: { benchmark in
            guard let log = durable.log else { return }
            let perCaller = max(1, benchmark.scaledIterations.count / 64)
            await withTaskGroup(of: Void.self) { group in
                for caller in 0..<64 {
                    group.addTask {
                        for i in 0..<perCaller {
                            try? await log.record(entries[(caller * perCaller + i) % entries.count])
                        }
                    }
                }
            }
        },
        setup: {
            let dir = try BenchmarkData.scratch("jsonl-durable")
            durable.directory = dir
            durable.log = AuditLog(
                node: "bench", sink: try JSONLFileSink(path: "\(dir)/audit.jsonl", logger: BenchmarkData.quiet),
                mode: .durable, failurePolicy: .failClosed, logger: BenchmarkData.quiet)
        },
        teardown: {
            await durable.log?.shutdown()
            if let dir = durable.directory { try? FileManager.default.removeItem(atPath: dir) }
        })

    // Import of 1,000,000 records (verifying the chain) into a fresh SQLite database.
    Benchmark(
        "SQLite import, 1,000,000 records",
        configuration: .init(
            metrics: [.wallClock], timeUnits: .milliseconds, warmupIterations: 0, maxDuration: .seconds(120),
            maxIterations: 3),
        closure: { benchmark in
            let log = try await BenchmarkData.largeLog()
            let db = "\(BenchmarkData.directory)/import.db"
            BenchmarkData.removeDatabase(db)
            // Start with nothing left to write back from the previous iteration (its 3 GB of
            // database and WAL writes would otherwise slow this one's fsyncs).
            sync()
            benchmark.startMeasurement()
            let result = try AuditImporter.importFiles([log], into: db)
            benchmark.stopMeasurement()
            blackHole(result)
            BenchmarkData.removeDatabase(db)
        },
        setup: { _ = try await BenchmarkData.largeLog() })

    // Verification of the 1,000,000-record JSON Lines log.
    Benchmark(
        "verify JSONL, 1,000,000 records",
        configuration: .init(
            metrics: [.wallClock], timeUnits: .milliseconds, warmupIterations: 0, maxDuration: .seconds(60),
            maxIterations: 5),
        closure: { _ in blackHole(try AuditVerifier.verify(files: [try await BenchmarkData.largeLog()])) },
        setup: { _ = try await BenchmarkData.largeLog() })

    // A filtered query on the 1,000,000-record database (opening it included, as the CLI does).
    Benchmark(
        "query database, 1,000,000 records: actor + action + since, limit 100",
        configuration: .init(metrics: [.wallClock], maxDuration: .seconds(10)),
        closure: { _ in
            let filter = AuditFilter(
                since: AuditTime(microseconds: BenchmarkData.start + BenchmarkData.span / 2),
                actor: AuditGlob("user:417"),
                action: AuditGlob("process.send"))
            var count = 0
            try AuditReader.database(try await BenchmarkData.largeDatabase()).forEach(matching: filter, limit: 100) {
                _ in count += 1
            }
            blackHole(count)
        },
        setup: { _ = try await BenchmarkData.largeDatabase() })

    Benchmark(
        "query database, 1,000,000 records: denied process.terminate on one resource glob",
        configuration: .init(metrics: [.wallClock], maxDuration: .seconds(10)),
        closure: { _ in
            let filter = AuditFilter(
                action: AuditGlob("process.terminate"), resource: AuditGlob("{app:processes|0x1*"), decision: .deny)
            var count = 0
            try AuditReader.database(try await BenchmarkData.largeDatabase()).forEach(matching: filter, limit: 100) {
                _ in count += 1
            }
            blackHole(count)
        },
        setup: { _ = try await BenchmarkData.largeDatabase() })

    // Statistics over the whole database, with a daily histogram.
    Benchmark(
        "stats database, 1,000,000 records (top 10, by 1d)",
        configuration: .init(metrics: [.wallClock], maxDuration: .seconds(30), maxIterations: 5),
        closure: { _ in
            blackHole(
                try AuditReader.database(try await BenchmarkData.largeDatabase())
                    .stats(options: AuditStatsOptions(top: 10, bucketMicroseconds: 86_400_000_000)))
        },
        setup: { _ = try await BenchmarkData.largeDatabase() })

    Benchmark(
        "stats database, 1,000,000 records, one actor",
        configuration: .init(metrics: [.wallClock], maxDuration: .seconds(10)),
        closure: { _ in
            blackHole(
                try AuditReader.database(try await BenchmarkData.largeDatabase()).stats(
                    matching: AuditFilter(actor: AuditGlob("user:417"))))
        },
        setup: { _ = try await BenchmarkData.largeDatabase() })

    replayBenchmarks()
}
