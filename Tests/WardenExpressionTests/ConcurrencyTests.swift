import Testing
import WardenExpression
import WardenValue

@Suite("concurrency", .timeLimit(.minutes(5)))
struct ConcurrencyTests {
    @Test("one compiled expression evaluates correctly from many tasks at once")
    func sharedExpression() async throws {
        let expression = try compiled(
            #"actor.meta.n % 2 == 0 && resource matches "^doc:[0-9]+$" && all(meta.tags, {# != "x"})"#)
        let mismatches = await withTaskGroup(of: Int.self) { group in
            for task in 0..<16 {
                group.addTask {
                    var wrong = 0
                    for i in 0..<2_000 {
                        let n = task * 10_000 + i
                        let env = environment(
                            actor: Actor(id: "u", meta: ["n": .int(n)]), resource: "doc:\(n)",
                            meta: ["tags": ["a", "b"]])
                        if expression.evaluateBool(env) != .success(n % 2 == 0) { wrong += 1 }
                    }
                    return wrong
                }
            }
            return await group.reduce(0, +)
        }
        #expect(mismatches == 0)
    }

    @Test("compiling the same text from many tasks gives expressions that agree")
    func concurrentCompile() async {
        let results = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<32 {
                group.addTask {
                    guard case .success(let e) = ExpressionCompiler.compile(#"len(split(resource, ":")) == 2"#) else {
                        return false
                    }
                    return e.evaluateBool(environment(resource: "a:b")) == .success(true)
                }
            }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(results.count == 32 && results.allSatisfy { $0 })
    }
}
