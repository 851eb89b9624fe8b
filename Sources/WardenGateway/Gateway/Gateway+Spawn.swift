import WardenPolicy
import WardenRuntime
import WardenValue

extension Gateway {
    /// Authorizes a spawn (any mode, any builder options) and forwards it when allowed.
    ///
    /// Checks: the mode's `process.spawn*` permissions on the definition, `process.host` on the
    /// host, then `process.context` (with_context), `process.security` (with_actor / with_scope),
    /// `process.registry.register` (with_name), and `process.send` on the holder of a taken
    /// `with_name` name when messages are queued for it. A definition whose `security:` block
    /// names an unknown policy or group fails with `NOT_FOUND` and nothing starts.
    public func spawn(_ request: SpawnRequest, caller: Caller) async throws(ProcessError) -> PID {
        let call = GuardedCall(spawnMode: request.mode)
        let options = request.options
        var target: [String: Value] = [
            "id": .string(request.definition), "host": .string(request.host),
            "args_count": .int(request.args.count),
            "args_bytes": .int(request.args.reduce(0) { $0 + $1.canonicalJSONByteCount }),
        ]
        if let name = options.name { target["name"] = .string(name) }
        if let actor = options.actor { target["actor"] = .string(actor.id) }
        if let scope = options.scope {
            target["scope"] = .list(scope.policies.map(Value.string))
            target["groups"] = .list(scope.groups.map(Value.string))
        }
        if !options.messages.isEmpty { target["messages"] = .int(options.messages.count) }
        var builder = CallFacts.BuilderOptions(
            context: options.contextValues != nil, actor: options.actor != nil, scope: options.scope != nil,
            name: options.name, queuedMessages: options.messages.count)
        let policies = store.snapshot(for: caller.security.scope)
        let started = ContinuousClock.now
        do throws(ProcessError) {
            try ArgumentCheck.spawn(request)
            try await checkDefinition(request.definition, for: caller, in: policies.policies)
            if let scope = options.scope { try Self.checkScope(scope, in: policies.policies, origin: "with_scope") }
        } catch {
            try await recordFailure(
                call, caller: caller, target: target, error: error, policies: policies, since: started)
        }
        var owner: String?
        if let name = options.name, let holder = await inner.owner(ofName: name) {
            owner = holder.description
            target["owner"] = .string(holder.description)
        }
        builder.name = options.name
        let facts = CallFacts(
            call: call, callerPID: caller.pid.description, definition: request.definition, host: request.host,
            owner: owner, builder: builder)
        try await authorize(facts, caller: caller, target: target, policies: policies, since: started)
        return try await inner.spawn(request, caller: caller)
    }

    /// Authorizes `process.exec` and `process.host`, then runs the child and returns its result.
    public func exec(definition: String, host: String, args: [Value], caller: Caller)
        async throws(ProcessError) -> Value
    {
        let target: [String: Value] = [
            "id": .string(definition), "host": .string(host), "args_count": .int(args.count),
            "args_bytes": .int(args.reduce(0) { $0 + $1.canonicalJSONByteCount }),
        ]
        let policies = store.snapshot(for: caller.security.scope)
        let started = ContinuousClock.now
        do throws(ProcessError) {
            try ArgumentCheck.target(definition: definition, host: host)
            try await checkDefinition(definition, for: caller, in: policies.policies)
        } catch {
            try await recordFailure(
                .exec, caller: caller, target: target, error: error, policies: policies, since: started)
        }
        let facts = CallFacts(call: .exec, callerPID: caller.pid.description, definition: definition, host: host)
        try await authorize(facts, caller: caller, target: target, policies: policies, since: started)
        return try await inner.exec(definition: definition, host: host, args: args, caller: caller)
    }

    /// Upgrading to the caller's own definition (or `nil`) is unguarded; upgrading to another
    /// definition needs `process.upgrade` on the new id.
    public func upgrade(to definition: String?, args: [Value], caller: Caller) async throws(ProcessError) {
        guard let definition, definition != caller.definition else {
            return try await inner.upgrade(to: definition, args: args, caller: caller)
        }
        let target: [String: Value] = ["id": .string(definition), "from": .string(caller.definition)]
        let policies = store.snapshot(for: caller.security.scope)
        let started = ContinuousClock.now
        do throws(ProcessError) {
            try await checkDefinition(definition, for: caller, in: policies.policies)
        } catch {
            try await recordFailure(
                .upgrade, caller: caller, target: target, error: error, policies: policies, since: started)
        }
        let facts = CallFacts(call: .upgrade, callerPID: caller.pid.description, upgradeDefinition: definition)
        try await authorize(facts, caller: caller, target: target, policies: policies, since: started)
        try await inner.upgrade(to: definition, args: args, caller: caller)
    }

    /// `NOT_FOUND` for an unknown definition, or one whose `security:` block names a policy or
    /// group the policy set does not have (the spawn must not start with a silently smaller scope).
    func checkDefinition(_ id: String, for caller: Caller, in policies: PolicySet) async throws(ProcessError) {
        guard let info = await inner.definition(id) else {
            throw ProcessError(
                .notFound, "unknown process definition `\(id)`; hint: register the definition before spawning it",
                code: "unknown-definition")
        }
        if let security = info.security {
            try Self.checkScope(
                SecurityScope(policies: security.policies, groups: security.groups), in: policies,
                origin: "the security block of `\(id)`")
        }
    }

    static func checkScope(_ scope: SecurityScope, in policies: PolicySet, origin: String) throws(ProcessError) {
        if case .failure(let error) = policies.resolve(ScopeSpec(policies: scope.policies, groups: scope.groups)) {
            throw ProcessError(.notFound, "\(origin): \(error.description)", code: "unknown-scope-entry")
        }
    }
}

extension GuardedCall {
    /// The spawn call of a spawn mode.
    init(spawnMode mode: SpawnMode) {
        switch mode {
        case .plain: self = .spawn
        case .monitored: self = .spawnMonitored
        case .linked: self = .spawnLinked
        case .linkedMonitored: self = .spawnLinkedMonitored
        }
    }
}
