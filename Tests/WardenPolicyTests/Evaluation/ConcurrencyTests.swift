import Testing
import WardenPolicy
import WardenValue

@Suite("sharing a policy set between tasks", .timeLimit(.minutes(5)))
struct ConcurrencyTests {
    @Test func manyTasksResolveAndEvaluateConcurrently() async throws {
        var definitions: [PolicyDefinition] = []
        for i in 0..<200 {
            let effect: Effect = i % 7 == 0 ? .deny : .allow
            let level = Value.int(i % 4)
            let conditions = i % 3 == 0 ? [condition("actor.meta.level", .gte, level)] : []
            definitions.append(
                policy(
                    "p\(i)", effect, actions: ["svc\(i % 20).*"], resources: ["r\(i % 5):*"],
                    conditions: conditions, groups: ["t:g\(i % 10)"]))
        }
        let set = try compiled(definitions)
        // The expected decisions, computed before any concurrency.
        let requests = (0..<50).map { i in
            request("svc\(i % 20).op", "r\(i % 5):x", actor: Actor(id: "u", meta: ["level": .int(i % 5)]))
        }
        let scopes = (0..<10).map { ScopeSpec(groups: ["t:g\($0)", "t:g\(($0 + 3) % 10)"]) }
        let expected: [[Decision]] = try scopes.map { spec in
            let scope = try set.resolve(spec).get()
            return requests.map { set.evaluate($0, in: scope) }
        }
        let mismatches = await withTaskGroup(of: Int.self) { group in
            for task in 0..<32 {
                group.addTask {
                    var mismatches = 0
                    for iteration in 0..<200 {
                        let s = (task + iteration) % scopes.count
                        guard case .success(let scope) = set.resolve(scopes[s]) else { return Int.max }
                        let r = (task * 7 + iteration) % requests.count
                        if set.evaluate(requests[r], in: scope) != expected[s][r] { mismatches += 1 }
                    }
                    return mismatches
                }
            }
            return await group.reduce(0, +)
        }
        #expect(mismatches == 0)
    }
}
