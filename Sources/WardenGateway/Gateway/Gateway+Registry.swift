import WardenRuntime
import WardenValue

extension Gateway {
    /// Authorizes `process.registry.register` on the name, then binds it.
    public func register(_ name: String, pid: PID?, caller: Caller) async throws(ProcessError) {
        var target: [String: Value] = ["name": .string(name), "pid": .string((pid ?? caller.pid).description)]
        let policies = store.snapshot(for: caller.security.scope)
        let started = ContinuousClock.now
        var bound = pid
        do throws(ProcessError) {
            try ArgumentCheck.name(name)
            if let pid { bound = try await inner.resolve(.pid(pid)) }
        } catch {
            try await recordFailure(
                .register, caller: caller, target: target, error: error, policies: policies, since: started)
        }
        if let owner = await inner.owner(ofName: name) { target["owner"] = .string(owner.description) }
        let facts = CallFacts(call: .register, callerPID: caller.pid.description, name: name)
        try await authorize(facts, caller: caller, target: target, policies: policies, since: started)
        try await inner.register(name, pid: bound, caller: caller)
    }

    /// Authorizes `process.registry.unregister` on the name (with its current `owner` as an
    /// attribute), then removes it.
    @discardableResult
    public func unregister(_ name: String, caller: Caller) async throws(ProcessError) -> Bool {
        var target: [String: Value] = ["name": .string(name)]
        let policies = store.snapshot(for: caller.security.scope)
        let started = ContinuousClock.now
        do throws(ProcessError) {
            try ArgumentCheck.name(name)
        } catch {
            try await recordFailure(
                .unregister, caller: caller, target: target, error: error, policies: policies, since: started)
        }
        let owner = await inner.owner(ofName: name)?.description
        if let owner { target["owner"] = .string(owner) }
        let facts = CallFacts(call: .unregister, callerPID: caller.pid.description, name: name, owner: owner)
        try await authorize(facts, caller: caller, target: target, policies: policies, since: started)
        return try await inner.unregister(name, caller: caller)
    }
}
