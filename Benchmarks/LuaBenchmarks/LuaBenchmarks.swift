import Benchmark
import BenchmarkSupport
import Foundation
import WardenLocalRuntime
import WardenRuntime
import WardenValue

let benchmarks: @Sendable () -> Void = {
    let timing = Benchmark.Configuration(
        metrics: [.wallClock, .throughput], timeUnits: .nanoseconds, warmupIterations: 2,
        scalingFactor: .kilo, maxDuration: .seconds(3), maxIterations: 200)

    // spawn + exit: a Lua process whose method returns at once, 1,000 per sample; the spawner
    // waits (yielding its worker to the children) until all of them have exited.
    Benchmark("Lua spawn+exit (per process)", configuration: timing) { benchmark in
        let runtime = makeRuntime([lua("bench:quick", "return {main = function() end}")])
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

    // ping-pong: one round trip = two sends and two receives between two Lua processes; the
    // same between two Swift processes in the same run, for the ratio.
    Benchmark("Lua ping-pong (per round trip)", configuration: timing) { benchmark in
        let runtime = makeRuntime([
            lua(
                "bench:echo",
                """
                return {main = function()
                    local inbox = process.inbox()
                    while true do
                        local msg = inbox:receive()
                        process.send(msg:from(), "pong", msg:payload():data())
                    end
                end}
                """),
            lua(
                "bench:pinger",
                """
                return {main = function()
                    local echo = process.spawn_linked("bench:echo", "bench:processes")
                    local inbox = process.inbox()
                    for i = 1, 1000 do
                        process.send(echo, "ping", i)
                        inbox:receive()
                    end
                end}
                """),
        ])
        _ = await run(runtime, "bench:pinger")  // warms the runtime up; the measured run follows
        benchmark.startMeasurement()
        _ = await run(runtime, "bench:pinger")
        benchmark.stopMeasurement()
        await runtime.shutdown()
    }

    Benchmark("Swift ping-pong (per round trip)", configuration: timing) { benchmark in
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
        _ = await run(runtime, "bench:pinger")
        benchmark.startMeasurement()
        _ = await run(runtime, "bench:pinger")
        benchmark.stopMeasurement()
        await runtime.shutdown()
    }

    luaRingBenchmark()
    luaSecurityCanBenchmark(timing)
    idleLuaProcessBenchmark(count: 100_000)
    // Larger runs only on request, since each idle Lua process holds about 30 KB:
    // `WARDEN_BENCH_IDLE_LUA=500000 swift package benchmark --target LuaBenchmarks ...`.
    for count in requestedIdleCounts() where count != 100_000 { idleLuaProcessBenchmark(count: count) }
}

/// The extra counts of idle Lua processes named in `WARDEN_BENCH_IDLE_LUA` (comma-separated).
func requestedIdleCounts() -> [Int] {
    guard let text = ProcessInfo.processInfo.environment["WARDEN_BENCH_IDLE_LUA"] else { return [] }
    return text.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }.filter { $0 > 0 }
}

/// Spawns `count` idle Lua processes (each tells the spawner it is up, then waits in its inbox)
/// and keeps them: time per process until all of them wait, and resident bytes per process
/// (RSS delta, Swift task and runtime entry included; one sample, no warm-up).
func idleLuaProcessBenchmark(count: Int) {
    let label = count >= 1_000_000 && count % 1_000_000 == 0 ? "\(count / 1_000_000)M" : "\(count / 1_000)k"
    let nanosecondsPerProcess = BenchmarkMetric.custom(
        "ns per process", polarity: .prefersSmaller, useScalingFactor: false)
    let bytesPerProcess = BenchmarkMetric.custom(
        "RSS bytes per process", polarity: .prefersSmaller, useScalingFactor: false)
    let totalMiB = BenchmarkMetric.custom("RSS MiB total", polarity: .prefersSmaller, useScalingFactor: false)
    Benchmark(
        "Lua spawn and keep \(label) idle processes",
        configuration: .init(
            metrics: [.wallClock, nanosecondsPerProcess, bytesPerProcess, totalMiB], timeUnits: .milliseconds,
            warmupIterations: 0, maxDuration: .seconds(120), maxIterations: 1)
    ) { benchmark in
        let runtime = makeRuntime([
            lua(
                "bench:idle",
                """
                return {main = function(parent)
                    local inbox = process.inbox()
                    process.send(parent, "up")
                    inbox:receive()
                end}
                """),
            ProcessDefinition(id: "bench:spawn-idle") { ctx in
                let me = Value.string(ctx.pid.description)
                for _ in 0..<count { _ = try await ctx.spawn("bench:idle", host: benchHost, args: [me]) }
                let inbox = ctx.inbox()
                for _ in 0..<count { _ = await inbox.receive() }
                return .null
            },
        ])
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
