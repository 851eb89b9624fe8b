import Benchmark
import WardenRuntime
import WardenValue

/// The ring benchmark, shared by the Swift ring (RuntimeBenchmarks) and the Lua ring
/// (LuaBenchmarks), which differ only in their members: a token goes ten times around 1,000
/// members (10,000 hops per sample), timed by the driver process from its first send to the
/// token's return, as the Erlang benchmark does; the ring is built and every member is ready
/// before that.
///
/// A member receives one message holding its successor's
/// PID string, answers its sender `ready`, then passes every token on with one hop less, or
/// answers the token's driver `done` when no hop is left.
public enum Ring {
    /// Registers the benchmark `name` over `member`; `token` makes the payload of hops left and
    /// the driver's PID string, as the members read it.
    public static func benchmark(
        _ name: String, member: ProcessDefinition,
        token: @escaping @Sendable (_ hops: Int, _ driver: String) -> [Value]
    ) {
        let nanosecondsPerHop = BenchmarkMetric.custom(
            "ns per hop", polarity: .prefersSmaller, useScalingFactor: false)
        Benchmark(
            name,
            configuration: .init(
                metrics: [nanosecondsPerHop], warmupIterations: 1, maxDuration: .seconds(5), maxIterations: 100)
        ) { benchmark in
            let size = 1_000
            let runtime = makeRuntime([
                member, builder(member: member.id, size: size), driver(size: size, laps: 10, token: token),
            ])
            let head = await run(runtime, "bench:ring-builder")
            if case .int(let perHop) = await run(runtime, "bench:ring-driver", args: [head]) {
                benchmark.measurement(nanosecondsPerHop, perHop)
            }
            await runtime.shutdown()
        }
    }

    /// Spawns `size` processes of definition `member`, sends each its successor's PID string and
    /// waits until all of them are ready; returns the first member's PID string.
    static func builder(member: String, size: Int) -> ProcessDefinition {
        ProcessDefinition(id: "bench:ring-builder") { ctx in
            var members: [PID] = []
            for _ in 0..<size { members.append(try await ctx.spawn(member, host: benchHost)) }
            for (index, pid) in members.enumerated() {
                try await ctx.send(pid, topic: "next", .string(members[(index + 1) % size].description))
            }
            for _ in 0..<size { _ = await ctx.inbox().receive() }
            return .string(members[0].description)
        }
    }

    /// Sends the first member (its argument) a token of `laps` laps and returns the nanoseconds
    /// per hop until the token comes back.
    static func driver(
        size: Int, laps: Int, token: @escaping @Sendable (_ hops: Int, _ driver: String) -> [Value]
    ) -> ProcessDefinition {
        ProcessDefinition(id: "bench:ring-driver") { ctx in
            let start = ContinuousClock.now
            try await ctx.send(
                ctx.args[0].stringValue ?? "", topic: "token", payload: token(laps * size - 1, ctx.pid.description))
            _ = await ctx.inbox().receive()
            return .int(nanoseconds(ContinuousClock.now - start) / (laps * size))
        }
    }
}
