import Benchmark

/// The gateway benchmarks: ping-pong bare vs through the gateway, audit throughput with
/// gateway-shaped records, and the cost of one authorized call alone.
let benchmarks: @Sendable () -> Void = {
    pingPongBenchmarks()
    auditThroughputBenchmarks()
    authorizationBenchmarks()
}
