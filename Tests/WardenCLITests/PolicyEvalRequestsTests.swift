import Foundation
import Testing
import WardenValue

@Suite("warden eval --requests", .timeLimit(.minutes(5)))
struct PolicyEvalRequestsTests {
    static func results(_ result: PolicyCLIResult) throws -> [[String: Value]] {
        try result.outputLines.map { line in try #require(try Value(json: line).mapValue) }
    }

    @Test func evaluatesOneRequestPerLineFromStandardInput() async throws {
        let input = """
            {"actor": {"id": "tenant:acme", "meta": {"tier": "free"}}, "action": "process.spawn.linked", "resource": "app.workers:handler", "groups": ["app.security:tenants"]}
            {"actor": {"id": "ops", "meta": {"role": "admin"}}, "action": "process.terminate", "resource": "{app:processes|0x00002}"}
            {"actor": null, "action": "process.send", "resource": "x"}
            """
        let result = await PolicyCLI.run(["eval", "--policies", PolicyCLI.policies, "--requests", "-"], input: input)
        #expect(result.code == 2)
        let lines = try Self.results(result)
        #expect(lines.count == 3)
        #expect(lines[0]["line"] == 1)
        #expect(lines[0]["decision"] == "deny")
        #expect(lines[0]["policies"] == ["app.security:free_tier_no_links"])
        #expect(lines[1]["line"] == 2)
        #expect(lines[1]["decision"] == "allow")
        #expect(lines[1]["policies"] == ["app.security:admin_all"])
        // No actor, strict mode: denied.
        #expect(lines[2]["decision"] == "deny")
        #expect(Set(lines[0].keys) == ["line", "decision", "policies", "errors", "revision"])
    }

    @Test func allAllowedExitsZero() async throws {
        let input = #"{"actor": {"id": "ops", "meta": {"role": "admin"}}, "action": "process.exec", "resource": "r"}"#
        let result = await PolicyCLI.run(["eval", "--policies", PolicyCLI.policies, "--requests", "-"], input: input)
        #expect(result.code == 0)
        #expect(try Self.results(result).map { $0["decision"] } == ["allow"])
    }

    @Test func badLinesAreReportedAndTheRestStillEvaluated() async throws {
        let input = """
            {"actor": {"id": "ops", "meta": {"role": "admin"}}, "action": "a", "resource": "r"}
            not json

            {"actor": {"id": "ops"}, "action": "a"}
            {"actor": {"id": "ops"}, "action": "a", "resource": "r", "metta": {}}
            {"actor": {"id": "ops"}, "action": "a", "resource": "r", "groups": ["app.security:admin"]}
            {"actor": "ops", "action": "a", "resource": "r"}
            {"actor": {"id": "ops", "meta": {"role": "admin"}}, "action": "b", "resource": "r"}
            """
        let result = await PolicyCLI.run(["eval", "--policies", PolicyCLI.policies, "--requests", "-"], input: input)
        #expect(result.code == 3)
        let lines = try Self.results(result)
        // Line 3 is blank and skipped; every other line has a result with its number.
        #expect(lines.map { $0["line"] } == [1, 2, 4, 5, 6, 7, 8])
        #expect(lines[0]["decision"] == "allow")
        #expect(lines[1]["error"]?.stringValue?.hasPrefix("not valid JSON") == true)
        #expect(lines[2]["error"]?.stringValue?.contains("`resource`") == true)
        #expect(lines[3]["error"]?.stringValue?.contains("`metta`") == true)
        #expect(lines[4]["error"]?.stringValue?.contains("did you mean `app.security:admins`?") == true)
        #expect(lines[5]["error"]?.stringValue?.contains("`actor`") == true)
        #expect(lines[6]["decision"] == "allow")
        #expect(Set(lines[1].keys) == ["line", "error"])
    }

    @Test func commandLineScopeIsTheDefaultForLinesWithout() async throws {
        let input = """
            {"actor": {"id": "ops", "meta": {"role": "admin"}}, "action": "a", "resource": "r"}
            {"actor": {"id": "ops", "meta": {"role": "admin"}}, "action": "a", "resource": "r", "scope": ["app.security:admin_all"]}
            """
        // The tenants group has no admin policy: undefined; the second line names its own scope.
        let result = await PolicyCLI.run(
            ["eval", "--policies", PolicyCLI.policies, "--group", "app.security:tenants", "--requests", "-"],
            input: input)
        #expect(result.code == 2)
        #expect(try Self.results(result).map { $0["decision"] } == ["undefined", "allow"])
    }

    @Test func readsARequestsFile() async throws {
        try await PolicyCLI.withTemporaryDirectory { directory in
            let path = try PolicyCLI.write(
                #"{"actor": {"id": "w", "meta": {"role": "worker"}}, "action": "process.send", "resource": "{app:x|1}"}"#
                    + "\n",
                to: "requests.jsonl", in: directory)
            let result = await PolicyCLI.run(["eval", "--policies", PolicyCLI.policies, "--requests", path])
            #expect(result.code == 0)
            #expect(try Self.results(result).map { $0["policies"] } == [["app.security:worker_messaging"]])
        }
    }

    @Test func missingRequestsFileIsInvalidInput() async {
        let result = await PolicyCLI.run([
            "eval", "--policies", PolicyCLI.policies, "--requests", "/nonexistent/r.jsonl",
        ])
        #expect(result.code == 3)
        #expect(result.errors.contains("cannot read requests file `/nonexistent/r.jsonl`"))
    }

    @Test func explainAddsAnExplanationToEachLine() async throws {
        let input =
            #"{"actor": {"id": "ops", "meta": {"role": "admin"}}, "action": "a", "resource": "r", "scope": ["app.security:admin_all"]}"#
        let result = await PolicyCLI.run(
            ["eval", "--policies", PolicyCLI.policies, "--requests", "-", "--explain"], input: input)
        let line = try #require(try Self.results(result).first)
        #expect(line["explanation"]?.listValue?.count == 1)
    }

    @Test(arguments: [
        ["--action", "a"], ["--resource", "r"], ["--actor", "u"], ["--meta", "{}"], ["--format", "text"],
    ])
    func singleRequestOptionsAreRejectedWithRequests(_ extra: [String]) async {
        let result = await PolicyCLI.run(["eval", "--policies", PolicyCLI.policies, "--requests", "-"] + extra)
        #expect(result.code == 3)
        #expect(result.errors.contains("--requests"))
    }
}
