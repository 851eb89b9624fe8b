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

/// The `security` module: questions are answered by the gateway's policy set for the calling
/// process's actor and scope (never by the process), and audited.
@Suite(.timeLimit(.minutes(1))) struct LuaSecurityTests {
    static let policyYAML = """
        namespace: t
        entries:
          - name: readers
            kind: security.policy
            policy:
              actions: documents.read
              resources: "doc:*"
              effect: allow
              conditions: [{field: actor.meta.role, operator: eq, value: reader}]
            groups: [app]
          - name: no_secrets
            kind: security.policy
            policy: {actions: "*", resources: "doc:secret", effect: deny}
            groups: [app]
          - name: owners
            kind: security.policy
            policy:
              actions: documents.delete
              resources: "doc:*"
              effect: allow
              conditions: [{field: meta.owner, operator: eq, value_from: actor.id}]
        """

    /// Runs `source` as `app:root` behind a gateway with the policies above, as `actor` in the
    /// `t:app` group; returns the exit and the audit records.
    func run(_ source: String, actor: Actor? = Actor(id: "u1", meta: ["role": "reader"]), strict: Bool = true)
        async throws -> (ExitResult, [AuditRecord])
    {
        let runtime = try luaRuntime(["app:root": source], modules: ["security"])
        let policies = try PolicyLoader().load(yaml: Self.policyYAML, file: "security.yaml").get()
        let sink = InMemoryAuditSink()
        let audit = AuditLog(
            node: "lua", sink: sink, mode: .sync, failurePolicy: .failClosed, logger: Logger(label: "t"))
        let gateway = Gateway(
            wrapping: runtime, policies: PolicyStore(policies), audit: audit,
            configuration: GatewayConfiguration(strict: strict))
        let security = SecurityContext(actor: actor, scope: SecurityScope(groups: ["t:app"]))
        let handle = try await gateway.start(StartRequest(definition: "app:root", host: luaHost, security: security))
        let result = try await handle.result()
        await gateway.shutdown()
        await audit.shutdown()
        return (result, sink.records.map(\.record))
    }

    @Test func canIsDecidedByTheGatewaysPoliciesForTheCallersActorAndAudited() async throws {
        let (result, records) = try await run(
            """
            local security = require("security")
            return { main = function()
                return {
                    security.can("documents.read", "doc:1"),
                    security.can("documents.read", "doc:secret"),
                    security.can("documents.write", "doc:1"),
                    security.can("documents.delete", "doc:1", {owner = "u1"}),
                }
            end }
            """)
        #expect(exitValue(result) == [true, false, false, false], "\(String(describing: exitError(result)))")
        let checks = records.filter { $0.op == "security.can" }
        #expect(checks.map(\.decision) == [.allow, .deny, .deny, .deny])
        #expect(checks.allSatisfy { $0.caller.actor?.id == "u1" && $0.caller.groups == ["t:app"] })
        #expect(checks.map { $0.checks.first?.resource } == ["doc:1", "doc:secret", "doc:1", "doc:1"])
        #expect(checks[1].checks.first?.policies == ["t:no_secrets"])
        #expect(checks[3].checks.first?.meta == ["owner": "u1"])
    }

    @Test func withoutAnActorStrictModeDeniesEverything() async throws {
        let (result, records) = try await run(
            """
            local security = require("security")
            return { main = function()
                return {security.can("documents.read", "doc:1"), security.actor() == nil}
            end }
            """, actor: nil)
        #expect(exitValue(result) == [false, true])
        #expect(records.filter { $0.op == "security.can" }.map(\.decision) == [.deny])
    }

    @Test func withoutAGatewayNothingIsAllowed() async throws {
        let result = try await runLua(
            """
            local security = require("security")
            return { main = function() return security.can("documents.read", "doc:1") end }
            """, modules: ["security"])
        #expect(exitValue(result) == false)
    }

    @Test func actorAndScopeDescribeTheCallingProcess() async throws {
        let (result, _) = try await run(
            """
            local security = require("security")
            return { main = function()
                local actor, scope = security.actor(), security.scope()
                local meta = actor:meta()
                meta.role = "admin"                      -- a copy: the process's actor is unchanged
                return {actor:id(), actor:meta().role, scope:groups()[1], #scope:policies()}
            end }
            """)
        #expect(exitValue(result) == ["u1", "reader", "t:app", 0])
    }

    @Test func scopeValuesEvaluateOtherActorsThroughTheGateway() async throws {
        let (result, records) = try await run(
            """
            local security = require("security")
            return { main = function()
                local reader = security.new_actor("u2", {role = "reader"})
                local guest = security.new_actor("u3", {role = "guest"})
                local app = security.named_scope("t:app")
                local owners = security.new_scope({security.policy("t:owners")})
                local narrowed = app:with("t:owners"):without("t:owners")
                return {
                    app:evaluate(reader, "documents.read", "doc:1"),
                    app:evaluate(guest, "documents.read", "doc:1"),
                    app:evaluate(reader, "documents.read", "doc:secret"),
                    owners:evaluate(reader, "documents.delete", "doc:9", {owner = "u2"}),
                    security.policy("t:owners"):evaluate(reader, "documents.delete", "doc:9", {owner = "u1"}),
                    owners:contains("t:owners"), narrowed:contains("t:owners"),
                    owners:policies()[1]:id(),
                }
            end }
            """)
        #expect(
            exitValue(result) == ["allow", "undefined", "deny", "allow", "undefined", true, false, "t:owners"],
            "\(String(describing: exitError(result)))")
        let evaluations = records.filter { $0.op == "security.can" }
        #expect(evaluations.count == 5)
        #expect(evaluations.allSatisfy { $0.caller.actor?.id == "u1" })
        #expect(evaluations[0].target["actor"]?["id"] == "u2")
    }

    @Test func actorAndScopeValuesAreWhatTheSpawnerTakes() async throws {
        let runtime = try luaRuntime(
            [
                "app:root": """
                local security = require("security")
                return { main = function()
                    local child = security.new_actor("svc", {tier = "gold"})
                    local scope = security.new_scope({"t:owners"})
                    local pid, err = process.with_actor(child):with_scope(scope)
                        :spawn("app:child", "app:processes", process.pid())
                    if not pid then return nil, err end
                    return process.inbox():receive():payload():data()
                end }
                """,
                "app:child": """
                local security = require("security")
                return { main = function(parent)
                    local actor, scope = security.actor(), security.scope()
                    process.send(parent, "facts", {actor:id(), actor:meta().tier, scope:policies()[1]:id()})
                end }
                """,
            ], modules: ["security"])
        let handle = try await runtime.start(StartRequest(definition: "app:root", host: luaHost))
        let result = try await handle.result()
        await runtime.shutdown()
        #expect(exitValue(result) == ["svc", "gold", "t:owners"], "\(String(describing: exitError(result)))")
    }

    @Test func badArgumentsAreErrorsNamingTheFix() async throws {
        let result = try await runLua(
            """
            local security = require("security")
            return { main = function()
                local a, e1 = pcall(security.can, 1, "doc:1")
                local b, e2 = pcall(security.new_actor, "")
                local c, e3 = pcall(function() return security.new_scope():evaluate("not an actor", "a", "r") end)
                return {a, e1, b, e2, c, e3}
            end }
            """, modules: ["security"])
        let values = try #require(exitValue(result)?.listValue)
        #expect(values[0] == false && values[2] == false && values[4] == false)
        #expect(values[1].stringValue?.contains("hint: security.can(") == true)
        #expect(values[3].stringValue?.contains("non-empty id") == true)
        #expect(values[5].stringValue?.contains("expected an actor") == true)
    }
}
