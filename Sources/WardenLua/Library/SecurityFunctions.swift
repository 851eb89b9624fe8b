import WardenRuntime
import WardenValue

extension LuaProcess {
    /// The Swift side of the `security` module. Questions go to the runtime the process calls
    /// through (in `warden run`, the gateway, which evaluates them against its policy set and
    /// audits them); the process never answers them itself.
    func securityCall(_ function: LuaFunctionID, on stack: LuaStack) throws(ProcessError) -> LuaReturn {
        switch function {
        case .securityCan:
            let question = PolicyQuestion(
                action: try stringArgument(stack, at: 1, what: "action"),
                resource: try stringArgument(stack, at: 2, what: "resource"),
                meta: try metaArgument(stack, at: 3), security: context.security)
            return ask(question) { .bool($0 == .allow) }
        case .securityEvaluate:
            let actor =
                stack.isNoneOrNil(1)
                ? nil : try LuaSpawnOptions.readActor(try LuaValueReader.read(stack, at: 1, what: "actor"))
            let scope = try LuaSpawnOptions.readScope(
                .map([
                    "policies": try LuaValueReader.read(stack, at: 2, what: "scope policies"),
                    "groups": try LuaValueReader.read(stack, at: 3, what: "scope groups"),
                ]))
            let question = PolicyQuestion(
                action: try stringArgument(stack, at: 4, what: "action"),
                resource: try stringArgument(stack, at: 5, what: "resource"),
                meta: try metaArgument(stack, at: 6), security: SecurityContext(actor: actor, scope: scope))
            return ask(question) { .string($0.rawValue) }
        case .securityActor:
            if let actor = context.security.actor { stack.push(value: actor.value) } else { stack.pushNil() }
        case .securitySummary:
            if let scope = context.security.scope {
                stack.push(
                    value: .map([
                        "policies": .list(scope.policies.map(Value.string)),
                        "groups": .list(scope.groups.map(Value.string)),
                    ]))
            } else {
                stack.pushNil()
            }
        default:
            return .raise("not a security function")
        }
        return .results(1)
    }

    private func ask(_ question: PolicyQuestion, _ answer: @escaping @Sendable (PolicyAnswer) -> Value) -> LuaReturn {
        .block(
            .call { [context] () async -> LuaReply in
                do throws(ProcessError) {
                    return .values([answer(try await context.evaluate(question))])
                } catch {
                    return .failure(error)
                }
            })
    }

    /// Request attributes: a table of string keys, or nothing.
    private func metaArgument(_ stack: LuaStack, at index: Int32) throws(ProcessError) -> [String: Value] {
        guard !stack.isNoneOrNil(index) else { return [:] }
        switch try LuaValueReader.read(stack, at: index, what: "meta") {
        case .map(let fields): return fields
        case let other:
            throw ProcessError(
                .invalid, "meta must be a table of string keys, not a \(other.typeName)", code: "invalid-argument")
        }
    }
}
