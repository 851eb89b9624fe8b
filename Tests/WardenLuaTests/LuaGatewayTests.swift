import Logging
import Testing
import WardenAuditLog
import WardenGateway
import WardenLocalRuntime
import WardenLua
import WardenPolicy
import WardenRuntime
import WardenTestSupport
import WardenValue

/// Lua processes behind the gateway: every `process.*` call is authorized and audited with the
/// calling process's actor and scope, and a denied call reaches Lua as `nil, err`.
@Suite(.timeLimit(.minutes(1))) struct LuaGatewayTests {
    static let policyYAML = """
        namespace: t
        entries:
          - name: workers
            kind: security.policy
            policy: {actions: ["process.spawn", "process.host", "process.send"], resources: "*", effect: allow}
            groups: [app]
          - name: no_tenants
            kind: security.policy
            policy: {actions: process.host, resources: "app:tenants", effect: deny}
            groups: [app]
        """

    @Test func aDeniedCallReturnsPermissionDeniedToLuaAndIsAudited() async throws {
        let runtime = try luaRuntime([
            "app:root": """
            return { main = function()
                local worker, err1 = process.spawn("app:echo", "app:processes")
                local tenant, err2 = process.spawn("app:echo", "app:tenants")
                process.send(worker, "stop")
                return {worker ~= nil, tenant == nil, err2:kind(), err2:message()}
            end }
            """,
            "app:echo": echoSource,
        ])
        runtime.addHost("app:tenants", maxProcesses: 10)
        let policies = try PolicyLoader().load(yaml: Self.policyYAML, file: "lua.yaml").get()
        let sink = InMemoryAuditSink()
        let audit = AuditLog(
            node: "lua", sink: sink, mode: .sync, failurePolicy: .failClosed, logger: Logger(label: "t"))
        let gateway = Gateway(wrapping: runtime, policies: PolicyStore(policies), audit: audit)
        let security = SecurityContext(actor: Actor(id: "app:root"), scope: SecurityScope(groups: ["t:app"]))
        let handle = try await gateway.start(
            StartRequest(definition: "app:root", host: luaHost, security: security))
        let result = try await handle.result()
        await gateway.shutdown()
        await audit.shutdown()

        #expect(
            exitValue(result) == [true, true, "PERMISSION_DENIED", "not allowed to spawn on host: app:tenants"])
        #expect(runtime.liveCount(onHost: "app:tenants") == 0)
        let records = sink.records.map(\.record)
        let spawns = records.filter { $0.op == "process.spawn" }
        #expect(spawns.map(\.decision) == [.allow, .deny])
        #expect(spawns.allSatisfy { $0.caller.actor?.id == "app:root" })
        #expect(spawns.last?.checks.last?.policies == ["t:no_tenants"])
        #expect(records.contains { $0.op == "process.send" && $0.decision == .allow })
    }
}
