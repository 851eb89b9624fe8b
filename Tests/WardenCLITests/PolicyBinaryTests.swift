import Foundation
import Testing
import WardenValue

/// The built `warden` executable, run as a child process from the repository root.
@Suite("warden binary", .timeLimit(.minutes(5)))
struct PolicyBinaryTests {
    @Test func validatesTheExampleTree() async throws {
        let result = try await PolicyCLIBinary.run(["validate", "policies"])
        #expect(result.code == 0)
        #expect(result.outputLines == ["5 files, 11 policies, 0 errors, 0 warnings"])
    }

    @Test func deniesTheFreeTierLinkedSpawn() async throws {
        let result = try await PolicyCLIBinary.run([
            "eval", "--policies", "policies", "--actor", "tenant:acme", "--actor-meta", #"{"tier":"free"}"#,
            "--group", "app.security:tenants", "--action", "process.spawn.linked", "--resource",
            "app.workers:handler", "--format", "json",
        ])
        #expect(result.code == 2)
        let object = try #require(try Value(json: result.output).mapValue)
        #expect(object["decision"] == "deny")
        #expect(object["policies"] == ["app.security:free_tier_no_links"])
    }

    @Test func allowsAnAdmin() async throws {
        let result = try await PolicyCLIBinary.run([
            "eval", "--policies", "policies", "--actor", "ops", "--actor-meta", #"{"role":"admin"}"#,
            "--action", "process.terminate", "--resource", "{app:processes|0x00002}",
        ])
        #expect(result.code == 0)
        #expect(result.outputLines.first == "decision: allow")
    }

    @Test func badMetaJSONExitsThreeNamingTheFlag() async throws {
        let result = try await PolicyCLIBinary.run([
            "eval", "--policies", "policies", "--actor", "u", "--action", "a", "--resource", "r", "--meta", "{oops",
        ])
        #expect(result.code == 3)
        #expect(result.output.isEmpty)
        #expect(result.errors.contains("--meta"))
    }

    @Test func unknownGroupExitsThreeWithASuggestion() async throws {
        let result = try await PolicyCLIBinary.run([
            "eval", "--policies", "policies", "--group", "app.security:worker", "--actor", "u", "--action", "a",
            "--resource", "r",
        ])
        #expect(result.code == 3)
        #expect(result.errors.contains("did you mean `app.security:workers`?"))
    }

    @Test func unknownOptionExitsThree() async throws {
        let result = try await PolicyCLIBinary.run(["validate", "--strict", "policies"])
        #expect(result.code == 3)
        #expect(result.errors.contains("--strict"))
    }

    @Test func missingFileExitsThree() async throws {
        let result = try await PolicyCLIBinary.run(["validate", "no/such/policies.yaml"])
        #expect(result.code == 3)
        #expect(result.outputLines.first?.hasPrefix("no/such/policies.yaml:1:1: error[io-error]: ") == true)
    }

    @Test func malformedYAMLExitsThree() async throws {
        try await PolicyCLI.withTemporaryDirectory { directory in
            let path = try PolicyCLI.write("namespace: t\nentries:\n  - name: [p\n", to: "bad.yaml", in: directory)
            let validate = try await PolicyCLIBinary.run(["validate", path])
            #expect(validate.code == 3)
            #expect(validate.outputLines.contains { $0.hasPrefix("\(path):") && $0.contains(": error[") })
            let eval = try await PolicyCLIBinary.run(["eval", "--policies", path, "--action", "a", "--resource", "r"])
            #expect(eval.code == 3)
            #expect(eval.output.isEmpty)
        }
    }

    @Test func lintsTheExampleTree() async throws {
        let result = try await PolicyCLIBinary.run(["lint", "policies"])
        #expect(result.code == 1)
        #expect(result.outputLines.last == "4 warnings")
    }

    @Test func runsTheConformanceVectors() async throws {
        let count = try PolicyVectors.countInText()
        let result = try await PolicyCLIBinary.run(["test", PolicyCLI.vectors])
        #expect(result.code == 0)
        #expect(result.outputLines.last == "\(count) passed, 0 failed")
        #expect(result.outputLines.count == 1)
    }

    @Test func readsRequestsFromStandardInput() async throws {
        let input = """
            {"actor": {"id": "ops", "meta": {"role": "admin"}}, "action": "process.exec", "resource": "r"}
            {broken
            {"actor": null, "action": "process.exec", "resource": "r"}
            """
        let result = try await PolicyCLIBinary.run(["eval", "--policies", "policies", "--requests", "-"], input: input)
        #expect(result.code == 3)
        let lines = try result.outputLines.map { try #require(try Value(json: $0).mapValue) }
        #expect(lines.map { $0["line"] } == [1, 2, 3])
        #expect(lines[0]["decision"] == "allow")
        #expect(lines[1]["error"] != nil)
        #expect(lines[2]["decision"] == "deny")
    }

    @Test func helpExitsZero() async throws {
        let result = try await PolicyCLIBinary.run(["help", "eval"])
        #expect(result.code == 0)
        #expect(result.output.contains("USAGE: warden eval"))
    }
}
