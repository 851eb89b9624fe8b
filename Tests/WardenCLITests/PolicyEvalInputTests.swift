import Foundation
import Testing
import WardenTestSupport
import WardenValue

/// `warden eval` inputs a new user hit: request files that are not regular files, JSON errors
/// placed on the right line, invalid UTF-8, huge arguments, and a caller without a scope.
@Suite("warden eval inputs", .timeLimit(.minutes(5)))
struct PolicyEvalInputTests {
    static let adminLine =
        #"{"actor": {"id": "ops", "meta": {"role": "admin"}}, "action": "process.exec", "resource": "r"}"#

    static func results(_ result: PolicyCLIResult) throws -> [[String: Value]] {
        try result.outputLines.map { line in try #require(try Value(json: line).mapValue) }
    }

    /// Runs `script` with bash (for process substitution and raw bytes), `$WARDEN` set to the
    /// built binary, in the repository root.
    static func bash(_ script: String) async throws -> PolicyCLIResult {
        let warden = try BuiltExecutable.path()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", script]
        process.environment = ["WARDEN": warden, "PATH": "/usr/bin:/bin"]
        process.currentDirectoryURL = PolicyCLI.root
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let (outReading, errReading) = (output.fileHandleForReading, errors.fileHandleForReading)
        async let err = offCooperativePool { errReading.readDataToEndOfFile() }
        let out = await offCooperativePool { outReading.readDataToEndOfFile() }
        let status = await process.exitStatus()
        return PolicyCLIResult(
            code: status, output: String(decoding: out, as: UTF8.self),
            errors: String(decoding: await err, as: UTF8.self))
    }

    @Test func devNullIsAnEmptyRequestsFile() async {
        let result = await PolicyCLI.run(["eval", "--policies", PolicyCLI.policies, "--requests", "/dev/null"])
        #expect(result.errors == "")
        #expect(result.code == 0)
        #expect(result.output == "")
    }

    @Test func devStdinIsReadAsARequestsFile() async throws {
        let result = try await PolicyCLIBinary.run(
            ["eval", "--policies", "policies", "--requests", "/dev/stdin"], input: Self.adminLine + "\n")
        #expect(result.errors == "")
        #expect(result.code == 0)
        #expect(try Self.results(result).map { $0["decision"] } == ["allow"])
    }

    @Test func aProcessSubstitutionIsReadAsARequestsFile() async throws {
        let result = try await Self.bash(
            #"exec "$WARDEN" eval --policies policies --requests <(printf '%s\n' "$LINE")"#
                .replacingOccurrences(of: "$LINE", with: Self.adminLine.replacingOccurrences(of: "\"", with: "\\\"")))
        #expect(result.errors == "")
        #expect(result.code == 0)
        #expect(try Self.results(result).map { $0["decision"] } == ["allow"])
    }

    @Test func anUnreadableRequestsFileSaysWhy() async throws {
        try await PolicyCLI.withTemporaryDirectory { directory in
            let missing = await PolicyCLI.run([
                "eval", "--policies", PolicyCLI.policies, "--requests", directory + "/none.jsonl",
            ])
            #expect(missing.code == 3)
            #expect(
                missing.errorLines.first
                    == "error: cannot read requests file `\(directory)/none.jsonl`: no such file or directory")
            let folder = await PolicyCLI.run(["eval", "--policies", PolicyCLI.policies, "--requests", directory])
            #expect(folder.code == 3)
            #expect(folder.errorLines.first == "error: cannot read requests file `\(directory)`: is a directory")
        }
    }

    @Test func aJSONErrorNamesTheLineOfTheFile() async throws {
        let input = Self.adminLine + "\n\n" + #"{"action": "a", "resource": }"# + "\n"
        let result = await PolicyCLI.run(["eval", "--policies", PolicyCLI.policies, "--requests", "-"], input: input)
        #expect(result.code == 3)
        let lines = try Self.results(result)
        #expect(lines.map { $0["line"] } == [1, 3])
        #expect(lines[1]["error"] == "not valid JSON: unexpected character `}` at line 3, column 29")
    }

    @Test func anInvalidByteInARequestLineIsNamedAsItIs() async throws {
        try await PolicyCLI.withTemporaryDirectory { directory in
            let path = (directory as NSString).appendingPathComponent("requests.jsonl")
            var bytes = Array((Self.adminLine + "\n").utf8)
            bytes += Array(#"{"action": "a", "resource": "r"}"#.utf8) + [0xFF] + [0x0A]
            bytes += Array(#"{"action": "a", "resource": "r"#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8) + [0x0A]
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            let result = await PolicyCLI.run(["eval", "--policies", PolicyCLI.policies, "--requests", path])
            #expect(result.code == 3)
            let lines = try Self.results(result)
            #expect(lines[1]["error"] == "not valid JSON: unexpected `\\xff` after the JSON value at line 2, column 33")
            #expect(lines[2]["error"] == "not valid JSON: invalid UTF-8 byte `\\xc3` in a string at line 3, column 31")
        }
    }

    @Test func anInvalidByteAfterTheValueIsNamed() async throws {
        try await PolicyCLI.withTemporaryDirectory { directory in
            let path = (directory as NSString).appendingPathComponent("requests.jsonl")
            try Data([0xFF, 0x0A]).write(to: URL(fileURLWithPath: path))
            let result = await PolicyCLI.run(["eval", "--policies", PolicyCLI.policies, "--requests", path])
            let lines = try Self.results(result)
            #expect(lines.first?["error"] == "not valid JSON: unexpected character `\\xff` at line 1, column 1")
        }
    }

    @Test func anInvalidByteInMetaIsRefused() async throws {
        let result = try await Self.bash(
            #"exec "$WARDEN" eval --policies policies --actor ops --action a --resource r --meta "$(printf '{"a":"\377"}')""#
        )
        #expect(result.code == 3)
        #expect(
            result.errorLines.first
                == "error: argument 11 (the value of `--meta`) is not valid UTF-8: byte `\\xff` at offset 6")
        #expect(result.output == "")
    }

    @Test func aHugeMetaValueIsQuotedShort() async {
        let nested = String(repeating: "[", count: 65_000) + String(repeating: "]", count: 65_000)
        let result = await PolicyCLI.run(
            [
                "eval", "--policies", PolicyCLI.policies, "--actor", "u", "--action", "a", "--resource", "r", "--meta",
                nested,
            ])
        #expect(result.code == 3)
        #expect(result.errors.contains("nesting deeper than 64 levels"))
        #expect(result.errors.contains(String(repeating: "[", count: 80) + "…"))
        #expect(!result.errors.contains(String(repeating: "[", count: 81)))
        #expect(result.errors.utf8.count < 2_000)
    }

    @Test func noScopeWithAnActorIsAnIncompleteContext() async {
        let arguments = [
            "eval", "--policies", PolicyCLI.policies, "--actor", "ops", "--actor-meta", #"{"role":"admin"}"#,
            "--action", "process.exec", "--resource", "r", "--no-scope",
        ]
        let strict = await PolicyCLI.run(arguments)
        #expect(strict.code == 2)
        #expect(strict.outputLines.first == "decision: deny")
        #expect(
            strict.outputLines.contains(
                "context: incomplete (no scope); strict mode denies without evaluating policies"))
        let lax = await PolicyCLI.run(arguments + ["--no-strict"])
        #expect(lax.code == 0)
        #expect(lax.outputLines.first == "decision: allow")
        #expect(
            lax.outputLines.contains {
                $0
                    == "context: incomplete (no scope); strict mode is off, so the check is allowed without evaluating policies"
            })
        // The same caller with its scope (every policy) is decided by the admin policy.
        let scoped = await PolicyCLI.run(Array(arguments.dropLast()))
        #expect(scoped.outputLines.prefix(2) == ["decision: allow", "policies: app.security:admin_all"])
    }

    @Test func noScopeAppliesToRequestLinesWithoutTheirOwnScope() async throws {
        let input = Self.adminLine + "\n" + Self.adminLine.dropLast() + #", "scope": ["app.security:admin_all"]}"#
        let result = await PolicyCLI.run(
            ["eval", "--policies", PolicyCLI.policies, "--no-scope", "--requests", "-"], input: input)
        #expect(try Self.results(result).map { $0["decision"] } == ["deny", "allow"])
    }

    @Test func noScopeCannotBeCombinedWithAScope() async {
        let result = await PolicyCLI.run(
            [
                "eval", "--policies", PolicyCLI.policies, "--no-scope", "--group", "app.security:admins", "--actor",
                "u",
                "--action", "a", "--resource", "r",
            ])
        #expect(result.code == 3)
        #expect(result.errors.contains("`--no-scope` cannot be combined with `--scope` or `--group`"))
    }
}
