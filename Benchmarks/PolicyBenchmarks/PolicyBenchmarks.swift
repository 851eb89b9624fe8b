import Benchmark

let benchmarks: @Sendable () -> Void = {
    Benchmark("Policy placeholder") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(1) }
    }
}
