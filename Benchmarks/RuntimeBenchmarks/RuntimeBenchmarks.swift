import Benchmark

let benchmarks: @Sendable () -> Void = {
    Benchmark("Runtime placeholder") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(1) }
    }
}
