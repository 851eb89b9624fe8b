import Foundation
import Testing

@testable import WardenCLI

/// Every `--format json` (and `jsonl`) output writes its fields in the fixed order docs/cli.md
/// documents for it.
@Suite("one JSON convention: fields in a fixed, documented order")
struct JSONConventionTests {
    @Test("the key reader follows nesting and strings")
    func keyReader() {
        #expect(JSONKeyOrder.topLevelKeys(#"{"b":{"z":1,"a":[{"q":2}]},"a":"x:\"y\"","c":null}"#) == ["b", "a", "c"])
    }

    @Test("eval, check, validate and bench")
    func policyCommands() async throws {
        let tree = try OptionTree()
        defer { tree.remove() }
        let eval = await PolicyCLI.run(
            ["eval", "--policies", tree.first, "--actor", "u", "--action", "x", "--resource", "r", "--format", "json"])
        #expect(JSONKeyOrder.topLevelKeys(eval.output) == ["decision", "policies", "errors", "revision"])
        let check = await PolicyCLI.run(
            ["check", "--policies", tree.first, "--actor", "u", "--format", "json", "register", "n"])
        #expect(JSONKeyOrder.topLevelKeys(check.output) == ["verdict", "checks", "message", "revision", "context"])
        let validate = await PolicyCLI.run(["validate", "--policies", tree.first, "--format", "json", "--allow-empty"])
        #expect(validate.output.trimmingCharacters(in: .whitespacesAndNewlines) == "[]")
        let broken = try PolicyCLI.write(
            "namespace: t\nentries:\n  - name: p\n    kind: security.policy\n", to: "bad.yaml", in: tree.root)
        let diagnostics = await PolicyCLI.run(["validate", "--policies", broken, "--format", "json"])
        let firstLine = diagnostics.outputLines.dropFirst().first ?? ""
        #expect(
            JSONKeyOrder.topLevelKeys(firstLine) == ["file", "line", "column", "severity", "code", "message", "hint"])
        let bench = await PolicyCLI.run(
            ["bench", "--policies", tree.first, "--requests", "-", "--passes", "1", "--format", "json"],
            input: #"{"actor": {"id": "u"}, "action": "x", "resource": "r"}"# + "\n")
        #expect(
            JSONKeyOrder.topLevelKeys(bench.output) == [
                "policies", "revision", "load_ms", "requests", "passes", "outcomes", "ns_per_decision",
                "decisions_per_second", "allocations_per_decision", "clock_ns",
            ])
    }

    @Test("audit stats and audit replay")
    func auditCommands() async throws {
        let tree = try OptionTree()
        defer { tree.remove() }
        let log = "\(tree.root)/audit.jsonl"
        try await AuditCLIFixture.writeLog(log)
        let stats = try await runAudit(["stats", "--format", "json", "--top", "1", log])
        #expect(
            Array(JSONKeyOrder.topLevelKeys(stats.out).prefix(9)) == [
                "records", "allowed", "denied", "failed", "checks", "check_decisions", "first_time", "last_time",
                "top_actions",
            ])
        let replay = try await runAudit(["replay", "--policies", tree.second, "--format", "jsonl", log])
        let lines = replay.out.split(separator: "\n").map(String.init)
        let change = try #require(lines.first)
        #expect(
            JSONKeyOrder.topLevelKeys(change) == [
                "seq", "id", "time", "op", "actor", "old", "new", "old_policies", "new_policies", "checks",
            ])
        #expect(JSONKeyOrder.topLevelKeys(lines.last ?? "") == ["summary"])
    }
}
