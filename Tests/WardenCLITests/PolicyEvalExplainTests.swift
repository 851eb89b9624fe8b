import Foundation
import Testing
import WardenValue

@Suite("warden eval --explain", .timeLimit(.minutes(5)))
struct PolicyEvalExplainTests {
    static let freeTier = [
        "eval", "--policies", PolicyCLI.policies, "--actor", "tenant:acme", "--actor-meta", #"{"tier":"free"}"#,
        "--group", "app.security:tenants", "--action", "process.spawn.linked", "--resource", "app.workers:handler",
        "--explain",
    ]

    @Test func textListsEveryPolicyOfTheScopeWithItsResult() async throws {
        let result = await PolicyCLI.run(Self.freeTier)
        #expect(result.code == 2)
        let lines = result.outputLines
        #expect(lines.first == "decision: deny")
        // The tenants group holds the 5 policies of tenants.yaml.
        #expect(lines.contains("scope: 5 policies"))
        for id in ["tenant_jobs", "tenant_host", "tenant_messaging", "free_tier_no_links", "tenants_never_touch_app"] {
            #expect(lines.contains { $0.hasPrefix("app.security:\(id): ") }, "missing \(id)")
        }
        #expect(lines.contains("app.security:free_tier_no_links: deny (security.policy, effect deny)"))
        #expect(lines.contains("app.security:tenant_jobs: undefined (security.policy, effect allow)"))
        // tenant_jobs matches the action, not the resource (app.tenants:*).
        #expect(lines.contains("  resources [app.tenants:*]: no match for `app.workers:handler`"))
        // The deny's condition with its resolved field value and compared value.
        #expect(lines.contains(#"  condition 1: actor.meta.tier eq: field "free", compared "free" -> holds"#))
    }

    @Test func jsonExplanationHasConditionValuesAndOutcomes() async throws {
        let result = await PolicyCLI.run(Self.freeTier + ["--format", "json"])
        #expect(result.code == 2)
        let object = try #require(try Value(json: result.output).mapValue)
        #expect(object["decision"] == "deny")
        let policies = try #require(object["explanation"]?.listValue)
        #expect(policies.count == 5)
        let deny = try #require(policies.first { $0["id"] == "app.security:free_tier_no_links" })
        #expect(deny["result"] == "deny")
        #expect(deny["action_matched"] == true)
        #expect(deny["resource_matched"] == true)
        let condition = try #require(deny["conditions"]?.listValue?.first)
        #expect(condition["field"] == "actor.meta.tier")
        #expect(condition["operator"] == "eq")
        #expect(condition["field_present"] == true)
        #expect(condition["field_value"] == "free")
        #expect(condition["compared_value"] == "free")
        #expect(condition["outcome"] == "holds")
        let host = try #require(policies.first { $0["id"] == "app.security:tenant_host" })
        #expect(host["action_matched"] == false)
        #expect(host["result"] == "undefined")
    }

    @Test func missingFieldsAndFailingConditionsAreShown() async throws {
        // tenant_host: `actor.meta.tier in [free, pro]` with no tier -> missing, fails.
        let result = await PolicyCLI.run([
            "eval", "--policies", PolicyCLI.policies, "--actor", "tenant:acme", "--scope", "app.security:tenant_host",
            "--action", "process.host", "--resource", "app:tenants", "--explain",
        ])
        #expect(result.code == 2)
        #expect(result.outputLines.first == "decision: undefined")
        #expect(
            result.outputLines.contains(
                #"  condition 1: actor.meta.tier in: field (missing), compared ["free","pro"] -> fails"#))
    }

    static let expressionPolicy = """
        namespace: t
        entries:
          - name: pro_tags
            kind: security.policy.expr
            policy:
              actions: "*"
              resources: "*"
              effect: allow
              expression: actor.meta.tier == "pro" && len(meta.tags) > 1
        """

    @Test func expressionPoliciesShowTheirTrace() async throws {
        try await PolicyCLI.withTemporaryDirectory { directory in
            let path = try PolicyCLI.write(Self.expressionPolicy, to: "expr.yaml", in: directory)
            let arguments = [
                "eval", "--policies", path, "--actor", "u", "--actor-meta", #"{"tier":"pro"}"#,
                "--meta", #"{"tags":["a","b"]}"#, "--action", "a", "--resource", "r", "--explain",
            ]
            let text = await PolicyCLI.run(arguments)
            #expect(text.code == 0)
            #expect(text.outputLines.contains("t:pro_tags: allow (security.policy.expr, effect allow)"))
            #expect(text.outputLines.contains(#"  expression: actor.meta.tier == "pro" && len(meta.tags) > 1"#))
            #expect(text.outputLines.contains(#"    actor.meta.tier => "pro""#))
            #expect(text.outputLines.contains("    len(meta.tags) => 2"))
            #expect(text.outputLines.contains("  value: true"))

            let json = await PolicyCLI.run(arguments + ["--format", "json"])
            let object = try #require(try Value(json: json.output).mapValue)
            let policy = try #require(object["explanation"]?.listValue?.first)
            let expression = try #require(policy["expression"]?.mapValue)
            #expect(expression["source"] == #"actor.meta.tier == "pro" && len(meta.tags) > 1"#)
            #expect(expression["value"] == true)
            let steps = try #require(expression["steps"]?.listValue)
            #expect(steps.contains { $0["text"] == "meta.tags" && $0["value"] == ["a", "b"] })
        }
    }

    @Test func expressionErrorsAreShownInTheTrace() async throws {
        try await PolicyCLI.withTemporaryDirectory { directory in
            let path = try PolicyCLI.write(Self.expressionPolicy, to: "expr.yaml", in: directory)
            // `meta.tags` is missing: len(nil) is an error, the policy is undefined.
            let result = await PolicyCLI.run([
                "eval", "--policies", path, "--actor", "u", "--actor-meta", #"{"tier":"pro"}"#,
                "--action", "a", "--resource", "r", "--explain", "--format", "json",
            ])
            #expect(result.code == 2)
            let object = try #require(try Value(json: result.output).mapValue)
            #expect(object["decision"] == "undefined")
            #expect(object["errors"]?.listValue?.count == 1)
            let policy = try #require(object["explanation"]?.listValue?.first)
            #expect(policy["result"] == "undefined")
            #expect(policy["error"]?.stringValue?.isEmpty == false)
            #expect(policy["expression"]?["error"]?.stringValue?.isEmpty == false)
        }
    }

    @Test func incompleteContextIsExplained() async {
        let result = await PolicyCLI.run([
            "eval", "--policies", PolicyCLI.policies, "--action", "process.send", "--resource", "x", "--explain",
        ])
        #expect(result.code == 2)
        #expect(result.outputLines.contains { $0.hasPrefix("context: incomplete (no actor); strict mode denies") })
        #expect(result.outputLines.contains("scope: 11 policies"))
    }
}
