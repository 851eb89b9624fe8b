import Foundation
import Testing
import WardenValue

/// `warden check` for every call of the permission table (spec/process.md section 3).
struct CheckRow: Sendable, CustomTestStringConvertible {
    let call: [String]
    let options: [String]
    /// Every (action, resource) the call needs, in table order, written out from the spec.
    let permissions: [(String, String)]

    init(_ call: [String], _ permissions: [(String, String)], options: [String] = []) {
        self.call = call
        self.permissions = permissions
        self.options = options
    }

    var testDescription: String { (call + options).joined(separator: " ") }
}

let pidTarget = "{app:workers|0x00000007}"

let checkRows: [CheckRow] = [
    CheckRow(["send", pidTarget, "job"], [("process.send", pidTarget)]),
    CheckRow(["send", "app.cache", "get"], [("process.send", "app.cache")]),
    CheckRow(
        ["spawn", "app.workers:handler", "app:workers"],
        [("process.spawn", "app.workers:handler"), ("process.host", "app:workers")]),
    CheckRow(
        ["spawn_monitored", "app.workers:handler", "app:workers"],
        [
            ("process.spawn", "app.workers:handler"), ("process.spawn.monitored", "app.workers:handler"),
            ("process.host", "app:workers"),
        ]),
    CheckRow(
        ["spawn_linked", "app.workers:handler", "app:workers"],
        [
            ("process.spawn", "app.workers:handler"), ("process.spawn.linked", "app.workers:handler"),
            ("process.host", "app:workers"),
        ]),
    CheckRow(
        ["spawn_linked_monitored", "app.workers:handler", "app:workers"],
        [
            ("process.spawn", "app.workers:handler"), ("process.spawn.monitored", "app.workers:handler"),
            ("process.spawn.linked", "app.workers:handler"), ("process.host", "app:workers"),
        ]),
    CheckRow(
        ["spawn", "app.workers:handler", "app:workers"],
        [
            ("process.spawn", "app.workers:handler"), ("process.host", "app:workers"),
            ("process.context", "context"), ("process.security", "security"),
            ("process.registry.register", "app.pool"),
        ],
        options: ["--with-context", "--with-actor", "--with-name", "app.pool"]),
    CheckRow(
        ["exec", "app.workers:handler", "app:workers"],
        [("process.exec", "app.workers:handler"), ("process.host", "app:workers")]),
    CheckRow(["terminate", pidTarget], [("process.terminate", pidTarget)]),
    CheckRow(["cancel", pidTarget], [("process.cancel", pidTarget)]),
    CheckRow(["monitor", pidTarget], [("process.monitor", pidTarget)]),
    CheckRow(["unmonitor", pidTarget], [("process.unmonitor", pidTarget)]),
    CheckRow(["link", pidTarget], [("process.link", pidTarget)]),
    CheckRow(["unlink", pidTarget], [("process.unlink", pidTarget)]),
    CheckRow(["with_context"], [("process.context", "context")]),
    CheckRow(["with_actor"], [("process.security", "security")]),
    CheckRow(["with_scope"], [("process.security", "security")]),
    CheckRow(["with_name", "app.pool"], [("process.registry.register", "app.pool")]),
    CheckRow(["register", "app.jobs"], [("process.registry.register", "app.jobs")]),
    CheckRow(["registry.register", "app.jobs"], [("process.registry.register", "app.jobs")]),
    CheckRow(["unregister", "app.jobs"], [("process.registry.unregister", "app.jobs")]),
    CheckRow(["upgrade", "app.workers:v2"], [("process.upgrade", "app.workers:v2")]),
]

let checkDenials: [(CheckRow, Int)] = checkRows.flatMap { row in row.permissions.indices.map { (row, $0) } }

/// A policy directory: allow everything, deny the given (action, resource) pairs.
func writePolicies(denying denied: [(String, String)]) throws -> URL {
    let directory = try WardenProcess.temporaryDirectory()
    var yaml = """
        namespace: t
        entries:
          - name: allow_all
            kind: security.policy
            policy: {actions: "*", resources: "*", effect: allow}

        """
    for (i, (action, resource)) in denied.enumerated() {
        yaml += """
              - name: deny_\(i)
                kind: security.policy
                policy: {actions: "\(action)", resources: "\(resource)", effect: deny}

            """
    }
    try yaml.write(to: directory.appendingPathComponent("policies.yaml"), atomically: true, encoding: .utf8)
    return directory
}

@Suite("warden check", .timeLimit(.minutes(5)))
struct CheckCommandTests {
    static func run(_ row: CheckRow, policies: URL, extra: [String] = []) async throws -> (WardenProcess.Output, Value?)
    {
        let output = try await WardenProcess.run(
            ["check", "--policies", policies.path, "--actor", "u", "--format", "json"] + extra + row.options + row.call)
        return (output, try? Value(json: output.stdout))
    }

    @Test("allowed: every permission listed, exit 0", arguments: checkRows)
    func allowed(row: CheckRow) async throws {
        let (output, json) = try await Self.run(row, policies: try writePolicies(denying: []))
        #expect(output.status == 0, "\(output.stderr)")
        #expect(json?["verdict"] == "allow")
        let checks = json?["checks"]?.listValue ?? []
        #expect(
            checks.map { [$0["action"], $0["resource"]] } == row.permissions.map { [.string($0.0), .string($0.1)] })
        #expect(checks.allSatisfy { $0["decision"] == "allow" && $0["policies"] == ["t:allow_all"] })
    }

    @Test("denied on one permission: exit 2, that check denied by the deny policy", arguments: checkDenials)
    func denied(row: CheckRow, index: Int) async throws {
        let (output, json) = try await Self.run(row, policies: try writePolicies(denying: [row.permissions[index]]))
        #expect(output.status == 2)
        #expect(json?["verdict"] == "deny")
        let decisions = (json?["checks"]?.listValue ?? []).map { $0["decision"] }
        #expect(decisions == row.permissions.indices.map { $0 == index ? "deny" : "allow" })
    }

    @Test("the README example: a free-tier tenant may not spawn linked workers on the app host")
    func readmeExample() async throws {
        let output = try await WardenProcess.run([
            "check", "--policies", "policies", "--actor", "tenant:acme", "--actor-meta", #"{"tier":"free"}"#,
            "--group", "app.security:tenants", "spawn_linked", "app.workers:handler", "app:processes",
        ])
        #expect(output.status == 2)
        // policies/security/tenants.yaml: tenant_jobs covers app.tenants:* only, free_tier_no_links
        // denies process.spawn.linked for tier free, tenant_host allows app:tenants only.
        #expect(
            output.stdout.contains("DENY   process.spawn.linked  app.workers:handler  app.security:free_tier_no_links"))
        #expect(output.stdout.contains("verdict: deny (not allowed to spawn: app.workers:handler)"))
    }

    @Test("no actor: strict mode denies, --no-strict allows")
    func strictMode() async throws {
        let policies = try writePolicies(denying: [])
        let strict = try await WardenProcess.run(["check", "--policies", policies.path, "terminate", pidTarget])
        #expect(strict.status == 2)
        #expect(strict.stdout.contains("context incomplete"))
        let lax = try await WardenProcess.run([
            "check", "--policies", policies.path, "--no-strict", "terminate", pidTarget,
        ])
        #expect(lax.status == 0)
    }

    @Test("no actor with --no-strict: the allow is labelled strict mode off, the deny strict mode")
    func strictModeLabels() async throws {
        let policies = try writePolicies(denying: [])
        defer { PolicyCLI.remove(policies.path) }
        let lax = try await WardenProcess.run([
            "check", "--policies", policies.path, "--no-strict", "terminate", pidTarget,
        ])
        #expect(lax.status == 0)
        let laxRow = lax.stdout.split(separator: "\n").first { $0.contains("process.terminate") } ?? ""
        #expect(laxRow.hasSuffix("(strict mode off)"))
        let strict = try await WardenProcess.run(["check", "--policies", policies.path, "terminate", pidTarget])
        #expect(strict.status == 2)
        let strictRow = strict.stdout.split(separator: "\n").first { $0.contains("process.terminate") } ?? ""
        #expect(strictRow.hasSuffix("(strict mode)"))
    }

    @Test("attributes: --pid feeds the pid condition")
    func pidAttribute() async throws {
        let directory = try WardenProcess.temporaryDirectory()
        try """
        namespace: t
        entries:
          - name: own_host
            kind: security.policy
            policy:
              actions: process.send
              resources: "*"
              effect: allow
              conditions: [{field: pid, operator: matches, value: "^\\\\{app:processes\\\\|"}]
        """.write(to: directory.appendingPathComponent("p.yaml"), atomically: true, encoding: .utf8)
        let allowed = try await WardenProcess.run(
            [
                "check", "--policies", directory.path, "--actor", "u", "--pid", "{app:processes|0x00000002}", "send",
                pidTarget, "t",
            ])
        #expect(allowed.status == 0, "\(allowed.stdout)\(allowed.stderr)")
        let denied = try await WardenProcess.run([
            "check", "--policies", directory.path, "--actor", "u", "send", pidTarget, "t",
        ])
        #expect(denied.status == 2)
    }

    @Test(
        "bad input exits 3 with a message",
        arguments: [
            (["check", "--policies", "policies", "frobnicate"], "unknown call `frobnicate`"),
            (["check", "--policies", "policies", "send", "x"], "`send` takes 2 operand(s), 1 given"),
            (
                ["check", "--policies", "policies", "--actor", "a", "--actor-meta", "{nope", "with_actor"],
                "is invalid for '--actor-meta <json>'"
            ),
            (
                ["check", "--policies", "policies", "--actor", "a", "--group", "app.security:tenant", "with_actor"],
                "did you mean `app.security:tenants`?"
            ),
            (["check", "--policies", "no/such/dir", "with_actor"], "no/such/dir"),
        ])
    func badInput(arguments: [String], message: String) async throws {
        let output = try await WardenProcess.run(arguments)
        #expect(output.status == 3)
        #expect(output.stderr.contains(message), "stderr was: \(output.stderr)")
    }
}
