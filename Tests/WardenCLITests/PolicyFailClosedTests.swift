import Foundation
import Testing
import WardenValue

/// Issue 10, section 1 through the command line: a deny policy that cannot be evaluated denies
/// and says why, a slow regular expression cannot bypass a deny, and RE2's load errors are
/// reported with their location.
@Suite("warden: deny policies fail closed, regular expressions are RE2")
struct PolicyFailClosedTests {
    static let tree = """
        namespace: t
        entries:
          - name: all
            kind: security.policy
            policy: {actions: "*", resources: "*", effect: allow}
          - name: deny_high
            kind: security.policy
            policy:
              actions: "*"
              resources: "*"
              effect: deny
              conditions:
                - {field: actor.meta.level, operator: gt, value: 3}
          - name: no_evil
            kind: security.policy
            policy:
              actions: "*"
              resources: "*"
              effect: deny
              conditions:
                - {field: actor.id, operator: matches, value: '^(?:(a+)+$|.*evil)'}
        """

    static let gtError =
        "condition 1: `gt` compares numbers, but `actor.meta.level` is string `high` and the value is int `3`"

    @Test func evalDeniesWithTheErrorOfTheDenyPolicy() async throws {
        try await PolicyCLI.withTemporaryDirectory { directory in
            let path = try PolicyCLI.write(Self.tree, to: "p.yaml", in: directory)
            let result = await PolicyCLI.run([
                "eval", "--policies", path, "--actor", "u", "--actor-meta", #"{"level":"high"}"#,
                "--action", "read", "--resource", "r",
            ])
            #expect(result.code == 2)
            #expect(result.outputLines.first == "decision: deny")
            #expect(result.outputLines.contains("policies: t:deny_high"))
            #expect(result.outputLines.contains("error: t:deny_high: \(Self.gtError)"))

            let json = await PolicyCLI.run([
                "eval", "--policies", path, "--actor", "u", "--actor-meta", #"{"level":"high"}"#,
                "--action", "read", "--resource", "r", "--format", "json",
            ])
            let object = try #require(try Value(json: json.output).mapValue)
            #expect(object["decision"] == "deny")
            #expect(object["policies"] == ["t:deny_high"])
            #expect(object["errors"]?.listValue?.first?["policy"] == "t:deny_high")
            #expect(object["errors"]?.listValue?.first?["message"] == .string(Self.gtError))
        }
    }

    @Test func explainShowsTheDenyPolicyDenyingWithItsError() async throws {
        try await PolicyCLI.withTemporaryDirectory { directory in
            let path = try PolicyCLI.write(Self.tree, to: "p.yaml", in: directory)
            let result = await PolicyCLI.run([
                "eval", "--policies", path, "--actor", "u", "--actor-meta", #"{"level":"high"}"#,
                "--action", "read", "--resource", "r", "--explain",
            ])
            #expect(result.code == 2)
            let lines = result.outputLines
            let start = try #require(lines.firstIndex(of: "t:deny_high: deny (security.policy, effect deny)"))
            #expect(lines[start...].contains("  error: \(Self.gtError)"))
            #expect(lines[start...].contains("  a deny policy that cannot be evaluated denies (fail closed)"))
        }
    }

    @Test(arguments: [22, 26, 10_000])
    func theSlowRegexAttackIsDenied(_ count: Int) async throws {
        try await PolicyCLI.withTemporaryDirectory { directory in
            let path = try PolicyCLI.write(Self.tree, to: "p.yaml", in: directory)
            let result = await PolicyCLI.run([
                "eval", "--policies", path, "--actor", String(repeating: "a", count: count) + "!evil",
                "--action", "read", "--resource", "r",
            ])
            #expect(result.code == 2)
            #expect(result.outputLines.first == "decision: deny")
            #expect(result.outputLines.contains("policies: t:no_evil"))
        }
    }

    @Test func validateReportsPatternsRE2RejectsAndOrderingAgainstAList() async throws {
        try await PolicyCLI.withTemporaryDirectory { directory in
            let path = try PolicyCLI.write(
                """
                namespace: t
                entries:
                  - name: p
                    kind: security.policy
                    policy:
                      actions: "*"
                      resources: "*"
                      effect: allow
                      conditions:
                        - {field: actor.id, operator: matches, value: '^(a)\\1$'}
                        - {field: meta.n, operator: gte, value: [1, 2]}
                  - name: e
                    kind: security.policy.expr
                    policy:
                      actions: "*"
                      resources: "*"
                      effect: allow
                      expression: actor.id matches "^user(?=:)"
                """, to: "p.yaml", in: directory)
            let result = await PolicyCLI.run(["validate", path])
            #expect(result.code == 3)
            let lines = result.outputLines
            #expect(
                lines.contains {
                    $0.hasPrefix(
                        "\(path):10:55: error[invalid-regex]: invalid regular expression `^(a)\\1$`: invalid escape sequence: \\1"
                    )
                }, "\(lines)")
            #expect(
                lines.contains { $0.hasPrefix("\(path):11:49: error[ordering-not-scalar]: `gte` compares numbers") },
                "\(lines)")
            #expect(
                lines.contains {
                    $0.hasPrefix(
                        "\(path):18:36: error[expr-bad-regex]: invalid regular expression `^user(?=:)`: invalid perl operator: (?="
                    )
                }, "\(lines)")
            #expect(lines.contains { $0.contains("hint: ") && $0.contains("Go `regexp` syntax") })
        }
    }
}
