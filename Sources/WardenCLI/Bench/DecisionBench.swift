import WardenPolicy
import WardenService
import WardenValue

/// `warden bench --requests`: the cost of deciding a user's own requests against their own
/// policies, measured the way the gateway decides (scopes resolved once, strict mode).
struct DecisionBench {
    /// One request, with its scope resolved ahead of timing (`nil`: no scope).
    struct Prepared {
        var request: AuthorizationRequest
        var scope: Result<ResolvedScope, ScopeError>?
    }

    /// What a run measured.
    struct Measurement {
        /// Per-decision latency over every timed pass, the clock reading's cost subtracted.
        var latency: LatencySummary
        /// Decisions per second of the median untimed pass (one clock reading around the pass).
        var decisionsPerSecond: Double
        /// Heap allocations per decision, `nil` where this build cannot count them.
        var allocationsPerDecision: Double?
        /// Decisions by outcome: allow, deny, undefined.
        var outcomes: [Outcome: Int]
        /// The cost of one clock reading that was subtracted from each sample.
        var clockNanoseconds: Double
    }

    var set: PolicySet
    var requests: [Prepared]
    var strict: Bool
    var passes: Int

    /// Reads the request lines of `lines` (`(number, bytes)`, blank lines already skipped) and
    /// resolves each line's scope, or `defaultScope`, once.
    /// - Throws: ``CommandFailure`` naming the first line that cannot be read or whose scope does not resolve.
    static func prepare(
        _ lines: [(Int, [UInt8])], set: PolicySet, defaultScope: ScopeSpec?, file: String
    ) throws(CommandFailure) -> [Prepared] {
        var resolved: [ScopeSpec?: Result<ResolvedScope, ScopeError>] = [:]
        var prepared: [Prepared] = []
        prepared.reserveCapacity(lines.count)
        for (number, bytes) in lines {
            let line: RequestLine
            do {
                line = try RequestLine.parse(bytes, lineNumber: number)
            } catch {
                throw .invalid("\(UserText.quoted(file)) line \(number): \(error.description)")
            }
            let spec = line.scope ?? defaultScope
            let scope = resolved[spec] ?? set.resolve(spec)
            resolved[spec] = scope
            if case .failure(let error) = scope {
                throw .invalid("\(UserText.quoted(file)) line \(number): \(error.description)")
            }
            prepared.append(Prepared(request: line.request, scope: scope))
        }
        return prepared
    }

    /// Decides every request `passes` times untimed and `passes` times timed one by one, then
    /// once more counting allocations.
    func run() -> Measurement {
        var outcomes: [Outcome: Int] = [.allow: 0, .deny: 0, .undefined: 0]
        for prepared in requests { outcomes[decide(prepared).outcome, default: 0] += 1 }
        let cost = MonotonicClock.readingCost()
        var passSeconds: [Double] = []
        var samples: [Double] = []
        samples.reserveCapacity(requests.count * passes)
        for _ in 0..<passes {
            let start = MonotonicClock.now()
            for prepared in requests { blackHole(decide(prepared)) }
            passSeconds.append(Double(MonotonicClock.now() &- start) / 1e9)
            for prepared in requests {
                let before = MonotonicClock.now()
                let decision = decide(prepared)
                let after = MonotonicClock.now()
                blackHole(decision)
                samples.append(max(0, Double(after &- before) - cost))
            }
        }
        let (allocations, _) = AllocationCounter.counting {
            for prepared in requests { blackHole(decide(prepared)) }
        }
        let median = LatencySummary.rank(0.5, passSeconds.sorted())
        return Measurement(
            latency: LatencySummary(samples),
            decisionsPerSecond: median > 0 ? Double(requests.count) / median : 0,
            allocationsPerDecision: allocations.map { requests.isEmpty ? 0 : Double($0) / Double(requests.count) },
            outcomes: outcomes, clockNanoseconds: cost)
    }

    @inline(__always)
    private func decide(_ prepared: Prepared) -> Decision {
        set.decide(prepared.request, scope: prepared.scope, strict: strict)
    }
}

/// Keeps the optimizer from dropping a computation whose result is otherwise unused.
@inline(never)
func blackHole<T>(_ value: T) {
    withExtendedLifetime(value) {}
}
