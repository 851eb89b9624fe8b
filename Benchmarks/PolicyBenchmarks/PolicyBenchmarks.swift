import Benchmark
import Foundation
import WardenPolicy
import WardenValue

let benchmarks: @Sendable () -> Void = {
    policyEvaluationBenchmarks()
    requestHashBenchmark()
    policyLoadBenchmarks()
    expressionBenchmarks()
    regexBenchmarks()
}

/// Decisions per scope size (10 to 10,000 policies), for requests policies apply to and for
/// requests none does.
func policyEvaluationBenchmarks() {
    // 1,000 decisions per sample, so the timer's own cost is amortised; figures are per decision.
    let config: Benchmark.Configuration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal], timeUnits: .nanoseconds, scalingFactor: .kilo,
        maxDuration: .seconds(3))
    for size in [10, 100, 1_000, 10_000] {
        guard case .success(let set) = PolicySet.compile(PolicyMix.definitions(size)).result else {
            fatalError("the benchmark policy mix does not compile")
        }
        let scope = set.allPolicies
        let matching = PolicyMix.matchingRequests(size)
        let nonMatching = PolicyMix.nonMatchingRequests()
        precondition(matching.allSatisfy { set.evaluate($0, in: scope).outcome != .undefined })
        precondition(nonMatching.allSatisfy { set.evaluate($0, in: scope).outcome == .undefined })
        Benchmark("Policy evaluate \(size) matching", configuration: config) { benchmark in
            var k = 0
            for _ in benchmark.scaledIterations {
                blackHole(set.evaluate(matching[k & 15], in: scope))
                k &+= 1
            }
        }
        Benchmark("Policy evaluate \(size) non-matching", configuration: config) { benchmark in
            var k = 0
            for _ in benchmark.scaledIterations {
                blackHole(set.evaluate(nonMatching[k & 15], in: scope))
                k &+= 1
            }
        }
    }
}

/// What a decision cache keyed by the request would pay per look-up before any saving: hashing
/// and comparing the request (docs/gateway.md, "No decision cache"). Same requests and sampling
/// as the `Policy evaluate N matching` rows, so the figures compare within one run.
func requestHashBenchmark() {
    let config: Benchmark.Configuration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal], timeUnits: .nanoseconds, scalingFactor: .kilo,
        maxDuration: .seconds(3))
    let requests = PolicyMix.matchingRequests(10)
    // Equal requests whose maps have storage of their own, as a cached key's would: comparing
    // maps that share storage would stop at the identity check. (The strings are small, held
    // inline, so they have no storage to share.)
    func fresh(_ map: [String: Value]) -> [String: Value] { Dictionary(uniqueKeysWithValues: map.map { ($0, $1) }) }
    let copies = requests.map { request in
        AuthorizationRequest(
            actor: request.actor.map { Actor(id: $0.id, meta: fresh($0.meta)) },
            action: request.action, resource: request.resource, meta: fresh(request.meta))
    }
    Benchmark("Policy request hash and compare", configuration: config) { benchmark in
        var k = 0
        for _ in benchmark.scaledIterations {
            var hasher = Hasher()
            requests[k & 15].hash(into: &hasher)
            blackHole(hasher.finalize())
            blackHole(requests[k & 15] == copies[k & 15])
            k &+= 1
        }
    }
}

/// Loading and compiling a 10,000-policy tree from disk (100 files). Malloc counting is left
/// out: with 1.8 million allocations per load its own cost would dominate the figure.
func policyLoadBenchmarks() {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("warden-policy-bench-tree").path
    try? FileManager.default.removeItem(atPath: directory)
    do {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try PolicyMix.writeTree(10_000, to: directory)
    } catch {
        fatalError("cannot write the benchmark policy tree: \(error)")
    }
    let config: Benchmark.Configuration = .init(
        metrics: [.wallClock, .peakMemoryResident], timeUnits: .milliseconds,
        maxDuration: .seconds(10), maxIterations: 20)
    Benchmark("Policy load 10000 from disk", configuration: config) { benchmark in
        for _ in benchmark.scaledIterations {
            let result = PolicyLoader().load(path: directory)
            precondition(result.policySet?.count == 10_000)
            blackHole(result)
        }
    }
}
