import Benchmark

let benchmarks: @Sendable () -> Void = {
    Benchmark("Gateway placeholder") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(1) }
    }
}
