import Testing
import WardenExpression
import WardenValue

@Suite("explain")
struct ExplainTests {
    @Test("explain lists each deciding sub-expression with its value, operands first")
    func trace() throws {
        let expression = try compiled(#"(actor.meta.role == "editor" && action == "write") || meta.public == true"#)
        let env = environment(actor: Actor(id: "u", meta: ["role": "editor"]), action: "write", meta: ["public": false])
        let trace = expression.explain(env)
        #expect(try trace.result.get() == .bool(true))
        #expect(
            trace.steps.map(\.text) == [
                "actor.meta.role", #"actor.meta.role == "editor""#, "action", #"action == "write""#,
                #"(actor.meta.role == "editor" && action == "write")"#,
                #"(actor.meta.role == "editor" && action == "write") || meta.public == true"#,
            ])
        #expect(trace.steps.map(\.value) == ["editor", true, "write", true, true, true])
        #expect(trace.steps[2].position == SourcePosition(line: 1, column: 33))
    }

    @Test("short-circuited parts are not in the trace")
    func shortCircuit() throws {
        let trace = try compiled(#"action == "read" || meta.x.y == 1"#).explain(environment())
        #expect(trace.steps.map(\.text) == ["action", #"action == "read""#, #"action == "read" || meta.x.y == 1"#])
    }

    @Test("a failing evaluation keeps the steps before the error")
    func failure() throws {
        let trace = try compiled(#"action == "read" && meta.missing.x == 1"#).explain(environment())
        guard case .failure(let error) = trace.result else {
            Issue.record("expected an error")
            return
        }
        #expect(error.kind == .nilMember)
        #expect(trace.steps.map(\.text) == ["action", #"action == "read""#])
    }

    @Test("closure bodies are summarised by the builtin's result")
    func closures() throws {
        let trace = try compiled(#"all(meta.tags, {# != "x"})"#).explain(environment(meta: ["tags": ["a", "b"]]))
        #expect(trace.steps.map(\.text) == ["meta.tags", #"all(meta.tags, {# != "x"})"#])
    }
}
