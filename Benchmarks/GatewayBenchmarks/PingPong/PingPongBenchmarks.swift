import Benchmark
import WardenAuditLog

/// Ping-pong between two local-runtime processes: bare, then behind the gateway (21 policies,
/// JSONL audit log in a temporary directory) in each delivery mode. Each iteration starts one
/// ping process making 1,000 round trips with the long-lived echo process; figures are per
/// round trip (two `send` calls, so two audit records behind the gateway).
func pingPongBenchmarks() {
    let variants: [(name: String, mode: DeliveryMode?)] = [
        ("bare", nil), ("gateway async", .async), ("gateway sync", .sync), ("gateway durable", .durable),
    ]
    for variant in variants {
        let durable = variant.mode == .durable
        // A durable round trip waits for two fsyncs, so that variant runs a few iterations only.
        let configuration = Benchmark.Configuration(
            metrics: [.wallClock, .mallocCountTotal], timeUnits: .nanoseconds,
            warmupIterations: durable ? 0 : 1, scalingFactor: .kilo,
            maxDuration: .seconds(durable ? 30 : 4), maxIterations: durable ? 5 : 1_000)
        let fixture = Fixture<PingPongRig>()
        Benchmark("PingPong \(variant.name)", configuration: configuration) { benchmark, rig in
            try await rig.run(rounds: benchmark.scaledIterations.count)
        } setup: {
            if let mode = variant.mode {
                return fixture.set(try await PingPongRig.gateway(mode: mode))
            }
            return fixture.set(try await PingPongRig.bare())
        } teardown: {
            await fixture.take()?.close()
        }
    }
}
