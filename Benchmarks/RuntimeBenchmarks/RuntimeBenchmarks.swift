import Benchmark
import BenchmarkSupport
import Synchronization
import WardenLocalRuntime
import WardenRuntime
import WardenValue

let benchmarks: @Sendable () -> Void = {
    let timing = Benchmark.Configuration(
        metrics: [.wallClock, .throughput], timeUnits: .nanoseconds, warmupIterations: 2,
        scalingFactor: .kilo, maxDuration: .seconds(3), maxIterations: 200)

    // spawn + exit: a process that returns at once, 1,000 per sample; the spawner waits (yielding
    // its worker to the children) until all of them have exited.
    Benchmark("Runtime spawn+exit (per process)", configuration: timing) { benchmark in
        let runtime = makeRuntime([ProcessDefinition(id: "bench:quick") { _ in .null }])
        runtime.register("bench:spawner") { [runtime] ctx in
            for _ in 0..<1_000 { _ = try await ctx.spawn("bench:quick", host: benchHost) }
            while runtime.liveCount(onHost: benchHost) > 1 { await Task.yield() }
            return .null
        }
        benchmark.startMeasurement()
        _ = await run(runtime, "bench:spawner")
        benchmark.stopMeasurement()
        await runtime.shutdown()
    }

    // ping-pong: one round trip = two sends and two receives between two processes.
    Benchmark("Runtime ping-pong (per round trip)", configuration: timing) { benchmark in
        let runtime = makeRuntime([
            ProcessDefinition(id: "bench:echo") { ctx in
                let inbox = ctx.inbox()
                while let message = await inbox.receive(), let from = message.from {
                    try await ctx.send(from, topic: "pong", payload: message.payload)
                }
                return .null
            },
            ProcessDefinition(id: "bench:pinger") { ctx in
                let echo = try await ctx.spawnLinked("bench:echo", host: benchHost)
                let inbox = ctx.inbox()
                for i in 0..<1_000 {
                    try await ctx.send(echo, topic: "ping", .int(i))
                    _ = await inbox.receive()
                }
                return .null
            },
        ])
        _ = await run(runtime, "bench:pinger")  // warms the runtime up; the measured run follows
        benchmark.startMeasurement()
        _ = await run(runtime, "bench:pinger")
        benchmark.stopMeasurement()
        await runtime.shutdown()
    }

    // ring: the Swift members of `Ring`'s benchmark (the Lua ring in LuaBenchmarks is its peer).
    Ring.benchmark(
        "Runtime ring of 1000 (per hop)",
        member: ProcessDefinition(id: "bench:ring-member") { ctx in
            let inbox = ctx.inbox()
            guard let setup = await inbox.receive(), case .string(let nextText)? = setup.payload.first,
                let builder = setup.from
            else { return .null }
            let next = try PID.parse(nextText)
            try await ctx.send(builder, topic: "ready")
            while let token = await inbox.receive() {
                guard case .int(let hops)? = token.payload.first, case .string(let driver)? = token.payload.last
                else {
                    continue
                }
                if hops == 0 {
                    try await ctx.send(driver, topic: "done")
                } else {
                    try await ctx.send(next, topic: "token", .int(hops - 1), .string(driver))
                }
            }
            return .null
        }
    ) { hops, driver in [.int(hops), .string(driver)] }

    // spawn_linked + LINK_DOWN: the child fails at once, the trapping parent gets the event.
    Benchmark("Runtime spawn_linked+LINK_DOWN (per process)", configuration: timing) { benchmark in
        let runtime = makeRuntime([
            ProcessDefinition(id: "bench:crash") { _ in throw ProcessError(.internal, "crash") },
            ProcessDefinition(id: "bench:supervisor") { ctx in
                try ctx.setOptions(trapLinks: true)
                let events = ctx.events()
                for _ in 0..<1_000 {
                    _ = try await ctx.spawnLinked("bench:crash", host: benchHost)
                    _ = await events.receive()
                }
                return .null
            },
        ])
        benchmark.startMeasurement()
        _ = await run(runtime, "bench:supervisor")
        benchmark.stopMeasurement()
        await runtime.shutdown()
    }

    // spawn_monitored + EXIT (Erlang's spawn_monitor + DOWN).
    Benchmark("Runtime spawn_monitored+EXIT (per process)", configuration: timing) { benchmark in
        let runtime = makeRuntime([
            ProcessDefinition(id: "bench:quick") { _ in .null },
            ProcessDefinition(id: "bench:watcher") { ctx in
                let events = ctx.events()
                for _ in 0..<1_000 {
                    _ = try await ctx.spawnMonitored("bench:quick", host: benchHost)
                    _ = await events.receive()
                }
                return .null
            },
        ])
        benchmark.startMeasurement()
        _ = await run(runtime, "bench:watcher")
        benchmark.stopMeasurement()
        await runtime.shutdown()
    }

    // register + lookup + unregister of one name, from inside a process.
    Benchmark("Runtime register+lookup+unregister", configuration: timing) { benchmark in
        let runtime = makeRuntime([
            ProcessDefinition(id: "bench:registrar") { ctx in
                for _ in 0..<1_000 {
                    try await ctx.register("bench-name")
                    _ = try await ctx.lookup("bench-name")
                    try await ctx.unregister("bench-name")
                }
                return .null
            }
        ])
        benchmark.startMeasurement()
        _ = await run(runtime, "bench:registrar")
        benchmark.stopMeasurement()
        await runtime.shutdown()
    }

    idleProcessBenchmark(count: 100_000)
    idleProcessBenchmark(count: 1_000_000)
}

/// Spawns `count` idle processes and keeps them: time per process until all of them wait in
/// their inbox, and resident bytes per process (RSS delta; one sample, no warm-up, so freed
/// memory of earlier samples cannot hide the cost).
func idleProcessBenchmark(count: Int) {
    let label = count >= 1_000_000 ? "\(count / 1_000_000)M" : "\(count / 1_000)k"
    let nanosecondsPerProcess = BenchmarkMetric.custom(
        "ns per process", polarity: .prefersSmaller, useScalingFactor: false)
    let bytesPerProcess = BenchmarkMetric.custom(
        "RSS bytes per process", polarity: .prefersSmaller, useScalingFactor: false)
    let totalMiB = BenchmarkMetric.custom("RSS MiB total", polarity: .prefersSmaller, useScalingFactor: false)
    Benchmark(
        "Runtime spawn and keep \(label) idle processes",
        configuration: .init(
            metrics: [.wallClock, nanosecondsPerProcess, bytesPerProcess, totalMiB], timeUnits: .milliseconds,
            warmupIterations: 0, maxDuration: .seconds(120), maxIterations: 1)
    ) { benchmark in
        let runtime = makeRuntime([
            ProcessDefinition(id: "bench:idle", body: idleBody),
            ProcessDefinition(id: "bench:spawn-idle") { ctx in
                for _ in 0..<count { _ = try await ctx.spawn("bench:idle", host: benchHost) }
                // Done when every process has run up to its first wait and holds its steady-state
                // memory; yielding lets them run on this worker.
                while idleWaiting.load(ordering: .relaxed) < count { await Task.yield() }
                return .null
            },
        ])
        idleWaiting.store(0, ordering: .relaxed)
        benchmark.startMeasurement()
        let before = residentBytes()
        let start = ContinuousClock.now
        _ = await run(runtime, "bench:spawn-idle")
        let elapsed = ContinuousClock.now - start
        let after = residentBytes()
        benchmark.stopMeasurement()
        benchmark.measurement(nanosecondsPerProcess, nanoseconds(elapsed) / count)
        benchmark.measurement(bytesPerProcess, (after - before) / count)
        benchmark.measurement(totalMiB, (after - before) >> 20)
        await runtime.shutdown()
    }
}
