import Benchmark
import WardenPolicy
import WardenRegex
import WardenValue

/// `matches` on a 10 KB subject (10,240 bytes): the pattern of the slow-regex attack and a
/// typical pattern, each on an input it matches and one it does not; then the attack through a
/// whole policy decision. One match per iteration; figures are per match.
func regexBenchmarks() {
    let config: Benchmark.Configuration = .init(
        metrics: [.wallClock, .mallocCountTotal], timeUnits: .microseconds, maxDuration: .seconds(3))
    let size = 10_240
    let attack = "^(?:(a+)+$|.*evil)"
    let typical = #"(?i)\buser:[0-9]+@(?:acme|globex)\.example\b"#
    let text = String(repeating: "lorem ipsum dolor sit amet, consectetur adipiscing elit. ", count: size / 57 + 1)
    let cases: [(name: String, pattern: String, subject: String, matches: Bool)] = [
        ("attack-hit", attack, String(repeating: "a", count: size - 5) + "!evil", true),
        ("attack-miss", attack, String(repeating: "a", count: size - 1) + "!", false),
        ("typical-hit", typical, String(text.utf8.prefix(size - 25))! + " user:42@acme.example end", true),
        ("typical-miss", typical, String(text.utf8.prefix(size))!, false),
    ]
    for c in cases {
        guard case .success(let regex) = RegularExpression.compile(c.pattern) else {
            fatalError("benchmark pattern does not compile: \(c.pattern)")
        }
        precondition(c.subject.utf8.count == size, "\(c.name) is \(c.subject.utf8.count) bytes")
        precondition((try? regex.matches(c.subject)) == c.matches, "\(c.name) answers wrongly")
        Benchmark("Regex matches 10KB \(c.name)", configuration: config) { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try? regex.matches(c.subject))
            }
        }
    }

    let policies = [
        PolicyDefinition(namespace: "b", name: "all", effect: .allow, actions: ["*"], resources: ["*"]),
        PolicyDefinition(
            namespace: "b", name: "no_evil", effect: .deny, actions: ["*"], resources: ["*"],
            body: .conditions([ConditionDefinition(field: "actor.id", op: .matches, operand: .value(.string(attack)))])),
    ]
    guard case .success(let set) = PolicySet.compile(policies).result else {
        fatalError("the regex benchmark policies do not compile")
    }
    let request = AuthorizationRequest(
        actor: Actor(id: String(repeating: "a", count: size - 5) + "!evil"), action: "read", resource: "r", meta: [:])
    precondition(set.evaluate(request, in: set.allPolicies).outcome == .deny)
    Benchmark("Regex policy decision 10KB attack", configuration: config) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(set.evaluate(request, in: set.allPolicies))
        }
    }
}
