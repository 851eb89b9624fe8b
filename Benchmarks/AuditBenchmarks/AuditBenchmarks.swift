import Benchmark

let benchmarks: @Sendable () -> Void = {
    Benchmark("Audit placeholder") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(1) }
    }
}
