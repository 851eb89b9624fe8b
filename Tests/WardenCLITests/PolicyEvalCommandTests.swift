import Foundation
import Testing
import WardenValue

@Suite("warden eval", .timeLimit(.minutes(5)))
struct PolicyEvalCommandTests {
    /// The decision object printed by `--format json`.
    static func decision(_ result: PolicyCLIResult) throws -> [String: Value] {
        try #require(try Value(json: result.output).mapValue)
    }

    /// One request against the example tree and what the YAML says about it.
    struct Case: CustomStringConvertible, Sendable {
        var description: String
        var arguments: [String]
        var decision: String
        var policies: [String]
        var code: Int32
    }

    static let cases: [Case] = [
        // tenants.yaml: free_tier_no_links denies process.spawn.linked on `*` for tier free.
        Case(
            description: "free tier may not spawn linked",
            arguments: [
                "--actor", "tenant:acme", "--actor-meta", #"{"tier":"free"}"#, "--group", "app.security:tenants",
                "--action", "process.spawn.linked", "--resource", "app.workers:handler",
            ], decision: "deny", policies: ["app.security:free_tier_no_links"], code: 2),
        // tenant_jobs: process.spawn.* covers process.spawn.linked, app.tenants:* the job, the id
        // matches ^tenant:[a-z0-9-]+$; the pro tier is not denied.
        Case(
            description: "pro tenant spawns a tenant job linked",
            arguments: [
                "--actor", "tenant:acme", "--actor-meta", #"{"tier":"pro"}"#, "--group", "app.security:tenants",
                "--action", "process.spawn.linked", "--resource", "app.tenants:report",
            ], decision: "allow", policies: ["app.security:tenant_jobs"], code: 0),
        // Default scope (every policy): tenants_never_touch_app denies terminate on app processes.
        Case(
            description: "tenant may never terminate an app process",
            arguments: [
                "--actor", "tenant:acme", "--actor-meta", #"{"tier":"pro"}"#,
                "--action", "process.terminate", "--resource", "{app:processes|0x00001}",
            ], decision: "deny", policies: ["app.security:tenants_never_touch_app"], code: 2),
        // admins.yaml: admin_all allows anything for role admin.
        Case(
            description: "admin terminates anything",
            arguments: [
                "--actor", "ops", "--actor-meta", #"{"role":"admin"}"#, "--scope", "app.security:admin_all",
                "--action", "process.terminate", "--resource", "{app:processes|0x00002}",
            ], decision: "allow", policies: ["app.security:admin_all"], code: 0),
        // supervisor_registry: process.registry.* on app.*; `app.cache` is `app.` + anything.
        Case(
            description: "supervisor registers an app name",
            arguments: [
                "--actor", "sup", "--actor-meta", #"{"role":"supervisor"}"#, "--group", "app.security:supervisors",
                "--action", "process.registry.register", "--resource", "app.cache",
            ], decision: "allow", policies: ["app.security:supervisor_registry"], code: 0),
        // `app.*` does not match `appx` in Warden's reading (spec section 3).
        Case(
            description: "app.* does not match appx",
            arguments: [
                "--actor", "sup", "--actor-meta", #"{"role":"supervisor"}"#, "--group", "app.security:supervisors",
                "--action", "process.registry.register", "--resource", "appx",
            ], decision: "undefined", policies: [], code: 2),
        // worker_messaging is in groups workers and supervisors; role worker is in its list.
        Case(
            description: "worker sends to an app process",
            arguments: [
                "--actor", "w1", "--actor-meta", #"{"role":"worker"}"#, "--group", "app.security:workers",
                "--action", "process.send", "--resource", "{app:workers|0x00003}",
            ], decision: "allow", policies: ["app.security:worker_messaging"], code: 0),
        // Strict mode (default): no actor -> deny without evaluation.
        Case(
            description: "no actor in strict mode is denied",
            arguments: ["--action", "process.send", "--resource", "{app:workers|0x00003}"],
            decision: "deny", policies: [], code: 2),
        // Strict mode off: no actor -> allowed without evaluation.
        Case(
            description: "no actor without strict mode is allowed",
            arguments: ["--no-strict", "--action", "process.send", "--resource", "{app:workers|0x00003}"],
            decision: "allow", policies: [], code: 0),
        // Two scopes given as one comma-separated option: admin_all applies for role admin.
        Case(
            description: "comma-separated scope ids",
            arguments: [
                "--actor", "ops", "--actor-meta", #"{"role":"admin"}"#,
                "--scope", "app.security:admin_all,app.security:tenant_host",
                "--action", "process.host", "--resource", "app:tenants",
            ], decision: "allow", policies: ["app.security:admin_all"], code: 0),
    ]

    @Test(arguments: cases)
    func decidesTheExampleTree(_ example: Case) async throws {
        let result = await PolicyCLI.run(
            ["eval", "--policies", PolicyCLI.policies, "--format", "json"] + example.arguments)
        #expect(result.code == example.code)
        let object = try Self.decision(result)
        #expect(object["decision"] == .string(example.decision))
        #expect(object["policies"] == .list(example.policies.map(Value.string)))
        #expect(object["errors"] == .list([]))
        #expect(object["revision"]?.stringValue?.count == 64)
        #expect(Set(object.keys) == ["decision", "policies", "errors", "revision"])
    }

    @Test(arguments: cases)
    func textOutputStartsWithTheDecision(_ example: Case) async {
        let result = await PolicyCLI.run(["eval", "--policies", PolicyCLI.policies] + example.arguments)
        #expect(result.code == example.code)
        #expect(result.outputLines.first == "decision: \(example.decision)")
        if !example.policies.isEmpty {
            #expect(result.outputLines.contains("policies: " + example.policies.joined(separator: ", ")))
        }
        #expect(result.outputLines.last?.hasPrefix("revision: ") == true)
    }

    @Test func revisionIsTheSameForEqualPolicies() async throws {
        let arguments = [
            "eval", "--policies", PolicyCLI.policies, "--format", "json", "--action", "a", "--resource", "r",
        ]
        let first = try Self.decision(await PolicyCLI.run(arguments))
        let second = try Self.decision(await PolicyCLI.run(arguments))
        #expect(first["revision"] == second["revision"])
    }

    @Test func evaluationErrorsAreReportedWithThePolicy() async throws {
        try await PolicyCLI.withTemporaryDirectory { directory in
            let path = try PolicyCLI.write(
                """
                namespace: t
                entries:
                  - name: small
                    kind: security.policy
                    policy:
                      actions: "*"
                      resources: "*"
                      effect: allow
                      conditions:
                        - {field: meta.size, operator: lt, value: 10}
                """, to: "p.yaml", in: directory)
            // `lt` with a non-numeric string is an evaluation error: the policy is undefined.
            let result = await PolicyCLI.run([
                "eval", "--policies", path, "--actor", "u", "--action", "a", "--resource", "r",
                "--meta", #"{"size":"big"}"#, "--format", "json",
            ])
            #expect(result.code == 2)
            let object = try Self.decision(result)
            #expect(object["decision"] == "undefined")
            let errors = try #require(object["errors"]?.listValue)
            #expect(errors.count == 1)
            #expect(errors.first?["policy"] == "t:small")
            #expect(errors.first?["message"]?.stringValue?.isEmpty == false)
        }
    }

    @Test func unknownGroupSuggestsTheClosest() async {
        let result = await PolicyCLI.run([
            "eval", "--policies", PolicyCLI.policies, "--group", "app.security:tenant", "--actor", "x",
            "--action", "a", "--resource", "r",
        ])
        #expect(result.code == 3)
        #expect(result.output.isEmpty)
        #expect(result.errors.contains("unknown group `app.security:tenant`"))
        #expect(result.errors.contains("did you mean `app.security:tenants`?"))
    }

    @Test func unknownPolicyIdSuggestsTheClosest() async {
        let result = await PolicyCLI.run([
            "eval", "--policies", PolicyCLI.policies, "--scope", "app.security:admin_al", "--actor", "x",
            "--action", "a", "--resource", "r",
        ])
        #expect(result.code == 3)
        #expect(result.errors.contains("unknown policy `app.security:admin_al`"))
        #expect(result.errors.contains("did you mean `app.security:admin_all`?"))
    }

    @Test(arguments: ["--meta", "--actor-meta"])
    func badJSONNamesTheFlag(_ flag: String) async {
        let result = await PolicyCLI.run([
            "eval", "--policies", PolicyCLI.policies, "--actor", "u", "--action", "a", "--resource", "r", flag,
            "{tier: free",
        ])
        #expect(result.code == 3)
        #expect(result.output.isEmpty)
        #expect(result.errors.contains("'\(flag) <json>'"))
        #expect(result.errors.contains("not valid JSON"))
    }

    @Test(arguments: ["--meta", "--actor-meta"])
    func jsonThatIsNotAnObjectIsRejected(_ flag: String) async {
        let result = await PolicyCLI.run([
            "eval", "--policies", PolicyCLI.policies, "--actor", "u", "--action", "a", "--resource", "r", flag, "[1]",
        ])
        #expect(result.code == 3)
        #expect(result.errors.contains("expected a JSON object, found list"))
    }

    @Test func policiesThatDoNotLoadAreInvalidInput() async throws {
        try await PolicyCLI.withTemporaryDirectory { directory in
            let path = try PolicyCLI.write("namespace: t\nentries: [\n", to: "broken.yaml", in: directory)
            let result = await PolicyCLI.run([
                "eval", "--policies", path, "--actor", "u", "--action", "a", "--resource", "r", "--format", "json",
            ])
            #expect(result.code == 3)
            #expect(result.output.isEmpty)
            #expect(result.errorLines.contains { $0.hasPrefix("\(path):") && $0.contains(": error[") })
        }
    }

    @Test func missingPolicyFileIsInvalidInput() async {
        let result = await PolicyCLI.run([
            "eval", "--policies", "/nonexistent/warden/policies.yaml", "--actor", "u", "--action", "a", "--resource",
            "r",
        ])
        #expect(result.code == 3)
        #expect(result.errors.contains("error[io-error]"))
    }

    @Test func thePoliciesFlagRepeatsForMorePaths() async {
        let security = PolicyCLI.policies + "/security"
        let result = await PolicyCLI.run([
            "eval", "--policies", security + "/admins.yaml", "--policies", security + "/tenants.yaml", "--actor", "ops",
            "--actor-meta", #"{"role":"admin"}"#, "--action", "process.exec", "--resource", "app.workers:handler",
        ])
        #expect(result.code == 0)
        #expect(result.outputLines.contains("policies: app.security:admin_all"))
    }
}
