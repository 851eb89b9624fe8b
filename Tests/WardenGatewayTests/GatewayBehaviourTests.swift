import Testing
import WardenAuditLog
import WardenGateway
import WardenPolicy
import WardenRuntime
import WardenTestSupport
import WardenValue

@Suite("Gateway behaviour", .timeLimit(.minutes(5)))
struct GatewayBehaviourTests {
    static let topicPolicy = """
        namespace: t
        entries:
          - name: send_jobs_from_me
            kind: security.policy
            policy:
              actions: process.send
              resources: "{app:workers|*"
              effect: allow
              conditions:
                - {field: meta.pid, operator: eq, value: "{app:processes|0x00000001}"}
                - {field: topic, operator: eq, value: job}
            groups: [all]
          - name: unregister_own_names
            kind: security.policy
            policy:
              actions: process.registry.unregister
              resources: "*"
              effect: allow
              conditions:
                - {field: owner, operator: eq, value_from: pid}
            groups: [all]
        """

    @Test("request attributes pid and topic reach conditions")
    func attributesReachConditions() async throws {
        let harness = try GatewayHarness(policies: Self.topicPolicy)
        let caller = GatewayHarness.caller()
        try await harness.gateway.send(.pid(GatewayHarness.targetPID), topic: "job", payload: [], caller: caller)
        await #expect(throws: ProcessError.self) {
            try await harness.gateway.send(.pid(GatewayHarness.targetPID), topic: "other", payload: [], caller: caller)
        }
        let other = Caller(
            pid: PID(host: "app:processes", counter: 2), frame: "f", definition: "d", security: caller.security)
        await #expect(throws: ProcessError.self) {
            try await harness.gateway.send(.pid(GatewayHarness.targetPID), topic: "job", payload: [], caller: other)
        }
        #expect(harness.forwarded == ["send"])
        let meta = try await harness.records()[0]["checks"]?.listValue?.first?["meta"]
        #expect(meta == ["pid": "{app:processes|0x00000001}", "op": "send", "topic": "job"])
    }

    @Test("the owner attribute of unregister is the name's current holder")
    func ownerAttribute() async throws {
        let harness = try GatewayHarness(policies: Self.topicPolicy)
        // app.cache is held by ownerPID, not by the caller: denied.
        await #expect(throws: ProcessError.self) {
            _ = try await harness.gateway.unregister("app.cache", caller: GatewayHarness.caller())
        }
        harness.runtime.configure { $0.names["mine"] = GatewayHarness.callerPID }
        #expect(try await harness.gateway.unregister("mine", caller: GatewayHarness.caller()))
        let records = try await harness.records()
        #expect(records[0]["checks"]?.listValue?.first?["meta"]?["owner"] == "{app:processes|0x00000009}")
        #expect(records[1]["decision"] == "allow")
    }

    @Test("a name destination is resolved once and the call goes to that pid")
    func nameDestinationForwardsResolvedPID() async throws {
        let harness = try GatewayHarness(policies: policies())
        try await harness.gateway.send(
            .name("app.cache"), topic: "get", payload: ["k"], caller: GatewayHarness.caller())
        let sent = harness.runtime.calls(.send)
        #expect(sent.first?.arguments["destination"] == "{app:processes|0x00000009}")
        let record = try await harness.records()[0]
        #expect(record["target"]?["name"] == "app.cache")
        #expect(record["target"]?["pid"] == "{app:processes|0x00000009}")
        #expect(record["checks"]?.listValue?.first?["meta"]?["name"] == "app.cache")
        #expect(record["target"]?["payload_count"] == 1)
        #expect(record["target"]?["payload_bytes"] == 3)
        #expect(record["target"]?["payload"] == nil)
    }

    @Test("strict mode denies callers without an actor or a scope; off, it allows them", arguments: [true, false])
    func strictMode(strict: Bool) async throws {
        let harness = try GatewayHarness(policies: policies(), strict: strict)
        for caller in [GatewayHarness.caller(actor: nil), GatewayHarness.caller(scope: nil)] {
            do {
                try await harness.gateway.terminate(.pid(GatewayHarness.targetPID), caller: caller)
                #expect(!strict, "strict mode allowed an incomplete context")
            } catch {
                #expect(strict, "non-strict mode denied an incomplete context")
                #expect(error.kind == .permissionDenied)
            }
        }
        let records = try await harness.records()
        #expect(records.count == 2)
        #expect(records.allSatisfy { $0["caller"]?["context"] == "incomplete" })
        #expect(records.allSatisfy { $0["decision"] == (strict ? "deny" : "allow") })
        #expect(harness.forwarded == (strict ? [] : ["terminate", "terminate"]))
    }

    @Test("validation comes first (INVALID), then resolution (NOT_FOUND); both are recorded")
    func validationThenResolution() async throws {
        let harness = try GatewayHarness(policies: policies())
        let caller = GatewayHarness.caller()
        let invalid = await #expect(throws: ProcessError.self) {
            try await harness.gateway.send(.name("nobody"), topic: "@exit", payload: [], caller: caller)
        }
        #expect(invalid?.kind == .invalid)
        let missing = await #expect(throws: ProcessError.self) {
            try await harness.gateway.send(.name("nobody"), topic: "job", payload: [], caller: caller)
        }
        #expect(missing?.kind == .notFound)
        let unknownDefinition = await #expect(throws: ProcessError.self) {
            _ = try await harness.gateway.spawn(
                SpawnRequest(definition: "app:nope", host: "app:workers"), caller: caller)
        }
        #expect(unknownDefinition?.kind == .notFound)
        #expect(harness.forwarded.isEmpty)
        let records = try await harness.records()
        #expect(records.map { $0["error"]?["kind"] } == ["INVALID", "NOT_FOUND", "NOT_FOUND"])
        #expect(records.allSatisfy { $0["decision"] == "deny" && $0["checks"] == [] })
    }

    @Test("with_name on a taken name with queued messages also needs process.send on the holder")
    func withNameSignalNeedsSend() async throws {
        let harness = try GatewayHarness(policies: policies(denying: [("process.send", "*")]))
        let options = SpawnOptions(name: "app.cache", messages: [QueuedMessage(topic: "wake", payload: [])])
        let error = await #expect(throws: ProcessError.self) {
            _ = try await harness.gateway.spawn(
                SpawnRequest(definition: "app.workers:handler", host: "app:workers", options: options),
                caller: GatewayHarness.caller())
        }
        #expect(error?.message == "not allowed to send to: {app:processes|0x00000009}")
        #expect(harness.forwarded.isEmpty)
        // A free name needs no send permission: nothing is delivered to another process.
        let free = SpawnOptions(name: "app.fresh", messages: [QueuedMessage(topic: "wake", payload: [])])
        _ = try await harness.gateway.spawn(
            SpawnRequest(definition: "app.workers:handler", host: "app:workers", options: free),
            caller: GatewayHarness.caller())
        #expect(harness.forwarded == ["spawn"])
    }

    @Test("a definition whose security block names an unknown policy or group does not start")
    func securityBlockMustResolve() async throws {
        let harness = try GatewayHarness(policies: policies())
        harness.runtime.configure {
            $0.definitions["app:bad_policy"] = DefinitionInfo(
                id: "app:bad_policy", security: DefinitionSecurity(policies: ["t:missing"]))
            $0.definitions["app:bad_group"] = DefinitionInfo(
                id: "app:bad_group", security: DefinitionSecurity(groups: ["t:nope"]))
            $0.definitions["app:good"] = DefinitionInfo(
                id: "app:good", security: DefinitionSecurity(actor: Actor(id: "svc"), groups: ["t:all"]))
        }
        for id in ["app:bad_policy", "app:bad_group"] {
            let error = await #expect(throws: ProcessError.self) {
                _ = try await harness.gateway.spawn(
                    SpawnRequest(definition: id, host: "app:workers"), caller: GatewayHarness.caller())
            }
            #expect(error?.kind == .notFound)
            #expect(error?.message.contains("the security block of `\(id)`") == true)
        }
        _ = try await harness.gateway.spawn(
            SpawnRequest(definition: "app:good", host: "app:workers"), caller: GatewayHarness.caller())
        #expect(harness.forwarded == ["spawn"])
    }

    @Test("a caller whose scope names a policy that no longer exists is denied, with the reason")
    func unresolvableCallerScope() async throws {
        let harness = try GatewayHarness(policies: policies())
        let caller = GatewayHarness.caller(scope: SecurityScope(policies: ["t:gone"]))
        await #expect(throws: ProcessError.self) {
            try await harness.gateway.link(.pid(GatewayHarness.targetPID), caller: caller)
        }
        let check = try await harness.records()[0]["checks"]?.listValue?.first
        #expect(check?["decision"] == "deny")
        #expect(check?["errors"]?.listValue?.first?.stringValue?.contains("unknown policy `t:gone`") == true)
    }

    @Test("upgrading to the same definition is unguarded and unrecorded")
    func sameDefinitionUpgradeIsUnguarded() async throws {
        let harness = try GatewayHarness(policies: policies(denying: [("*", "*")]))
        try await harness.gateway.upgrade(to: nil, args: [], caller: GatewayHarness.caller())
        try await harness.gateway.upgrade(to: "app:supervisor", args: [], caller: GatewayHarness.caller())
        #expect(harness.forwarded == ["upgrade", "upgrade"])
        #expect(try await harness.records().isEmpty)
    }

    @Test("an audit record that cannot be written fails the call closed, before the runtime sees it")
    func auditFailureFailsClosed() async throws {
        let harness = try GatewayHarness(policies: policies())
        harness.sink.failWrites(with: AuditError(.writeFailed, "disk full"))
        let error = await #expect(throws: ProcessError.self) {
            try await harness.gateway.send(
                .pid(GatewayHarness.targetPID), topic: "job", payload: [], caller: GatewayHarness.caller())
        }
        #expect(error?.kind == .internal)
        #expect(error?.message.contains("disk full") == true)
        #expect(harness.forwarded.isEmpty)
    }

    @Test("reload swaps the whole set: every record's checks come from the revision it names")
    func reloadUnderLoad() async throws {
        func set(_ name: String) throws -> PolicySet {
            try PolicyLoader().load(
                yaml: """
                    namespace: t
                    entries:
                      - name: \(name)
                        kind: security.policy
                        policy: {actions: "*", resources: "*", effect: allow}
                        groups: [all]
                    """
            ).get()
        }
        let alpha = try set("alpha")
        let beta = try set("beta")
        let harness = try GatewayHarness(policies: policies(), mode: .async)
        harness.store.replace(with: alpha)
        let gateway = harness.gateway
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                for i in 0..<400 {
                    harness.store.replace(with: i.isMultiple(of: 2) ? beta : alpha)
                    await Task.yield()
                }
            }
            for _ in 0..<8 {
                group.addTask {
                    for _ in 0..<200 {
                        _ = try await gateway.spawn(
                            SpawnRequest(
                                definition: "app.workers:handler", host: "app:workers", mode: .linkedMonitored),
                            caller: GatewayHarness.caller())
                    }
                }
            }
            try await group.waitForAll()
        }
        await harness.audit.flush()
        let records = harness.sink.records.map(\.record)
        #expect(records.count == 1600)
        let expected = [alpha.revision: "t:alpha", beta.revision: "t:beta"]
        for record in records {
            let owner = expected[record.policyRevision]
            let policies = Set(record.checks.flatMap(\.policies))
            #expect(owner != nil && policies == [owner!], "record mixes revisions: \(record)")
        }
    }
}
