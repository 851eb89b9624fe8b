import Logging
import Testing
import WardenAuditLog
import WardenAuditRecord
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

    /// Runs `app:root` of `runtime` behind a gateway over the policies of `yaml`, as actor
    /// `app:root` in group `t:app`, every call audited in `sync` mode; returns its exit, the
    /// records in order and its PID.
    static func runBehindGateway(_ runtime: LocalRuntime, policies yaml: String) async throws -> (
        result: ExitResult, records: [AuditRecord], root: PID
    ) {
        let policies = try PolicyLoader().load(yaml: yaml, file: "lua.yaml").get()
        let sink = InMemoryAuditSink()
        let audit = AuditLog(
            node: "lua", sink: sink, mode: .sync, failurePolicy: .failClosed, logger: Logger(label: "t"))
        let gateway = Gateway(wrapping: runtime, policies: PolicyStore(policies), audit: audit)
        let security = SecurityContext(actor: Actor(id: "app:root"), scope: SecurityScope(groups: ["t:app"]))
        let handle = try await gateway.start(StartRequest(definition: "app:root", host: luaHost, security: security))
        let result = try await handle.result()
        await gateway.shutdown()
        await audit.shutdown()
        return (result, sink.records.map(\.record), handle.pid)
    }

    @Test func aDeniedSendReachesNobodyAndIsAudited() async throws {
        // The runtime behind the gateway could send at once, but a send from Lua still goes
        // through the gateway's checks: the denied one is not delivered and has its record.
        let yaml =
            Self.policyYAML + """

                  - name: no_secret_topic
                    kind: security.policy
                    policy: {actions: process.send, resources: "*", effect: deny, conditions: [{field: meta.topic, operator: eq, value: secret}]}
                    groups: [app]
                """
        let runtime = try luaRuntime([
            "app:root": """
            return { main = function()
                local me = process.pid()
                local denied, err = process.send(me, "secret", 1)
                local sent = process.send(me, "public", 2)
                local msg = process.inbox():receive()
                return {denied == nil, err:kind(), sent, msg:topic(), msg:payload():data()}
            end }
            """
        ])
        let (result, records, _) = try await Self.runBehindGateway(runtime, policies: yaml)

        #expect(exitValue(result) == [true, "PERMISSION_DENIED", true, "public", 2])
        let sends = records.filter { $0.op == "process.send" }
        #expect(sends.map(\.decision) == [.deny, .allow])
        #expect(sends.first?.checks.last?.policies == ["t:no_secret_topic"])
    }

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
        let (result, records, _) = try await Self.runBehindGateway(runtime, policies: Self.policyYAML)

        #expect(
            exitValue(result) == [true, true, "PERMISSION_DENIED", "not allowed to spawn on host: app:tenants"])
        #expect(runtime.liveCount(onHost: "app:tenants") == 0)
        let spawns = records.filter { $0.op == "process.spawn" }
        #expect(spawns.map(\.decision) == [.allow, .deny])
        #expect(spawns.allSatisfy { $0.caller.actor?.id == "app:root" })
        #expect(spawns.last?.checks.last?.policies == ["t:no_tenants"])
        #expect(records.contains { $0.op == "process.send" && $0.decision == .allow })
        // Each record names the Lua line that made the call (app:root's chunk is app_root.lua).
        #expect(spawns.map(\.caller.site) == ["app_root.lua:2", "app_root.lua:3"])
        #expect(records.filter { $0.op == "process.send" }.map(\.caller.site) == ["app_root.lua:4"])
    }

    /// The call site is the process's own line, however deep in the host's prelude the call
    /// goes (the spawner builder is a prelude piece of its own) and from whichever function or
    /// coroutine of the chunk it is made; a call the host makes for no Lua line (the runtime's
    /// start of the root process) has none.
    @Test func recordsNameTheLuaLineOfEachCall() async throws {
        let runtime = try luaRuntime([
            "app:root": """
            local function send_twice(pid)
                process.send(pid, "a")
                process.send(pid, "b")
            end
            return { main = function()
                local worker = process.with_context({k = "v"}):spawn("app:echo", "app:processes")
                send_twice(worker)
                local done = channel.new(1)
                coroutine.spawn(function()
                    process.send(worker, "stop")
                    done:send(true)
                end)
                done:receive()
                return true
            end }
            """,
            "app:echo": echoSource,
        ])
        let everything = """
            namespace: t
            entries:
              - {name: all, kind: security.policy, policy: {actions: "*", resources: "*", effect: allow}, groups: [app]}
            """
        let (result, records, root) = try await Self.runBehindGateway(runtime, policies: everything)

        #expect(exitValue(result) == true, "\(String(describing: exitError(result)))")
        #expect(records.filter { $0.op == "process.spawn" }.map(\.caller.site) == ["app_root.lua:6"])
        #expect(
            records.filter { $0.op == "process.send" && $0.caller.pid == root.description }.map(\.caller.site)
                == ["app_root.lua:2", "app_root.lua:3", "app_root.lua:10"])
        #expect(records.filter { $0.op == "start" }.allSatisfy { $0.caller.site == nil })
    }
}
