import Foundation
import Testing

/// `warden validate` on paths a careless operator gives: empty or wrong folders, symbolic
/// links, FIFOs, and files whose policies partly fail.
@Suite("warden validate paths", .timeLimit(.minutes(5)))
struct PolicyValidatePathTests {
    static let policyFile = """
        namespace: t
        entries:
          - name: p
            kind: security.policy
            policy: {actions: "*", resources: "*", effect: allow}

        """

    @Test func anEmptyDirectoryIsInvalidInput() async throws {
        try await PolicyCLI.withTemporaryDirectory { directory in
            let result = await PolicyCLI.run(["validate", directory])
            #expect(result.code == 3)
            #expect(
                result.outputLines.first
                    == "\(directory):1:1: error[no-policy-files]: no policy file found in `\(directory)`")
            #expect(result.outputLines.last == "0 files, 0 policies, 1 error, 0 warnings")
        }
    }

    @Test func aWrongFolderWithoutPolicyFilesIsInvalidInput() async throws {
        try await PolicyCLI.withTemporaryDirectory { directory in
            try PolicyCLI.write("# docs", to: "README.md", in: directory)
            try PolicyCLI.write(Self.policyFile, to: "policy.json", in: directory)
            let result = await PolicyCLI.run(["validate", directory])
            #expect(result.code == 3)
            #expect(result.output.contains("error[no-policy-files]"))
        }
    }

    @Test func allowEmptyAcceptsAnEmptyTree() async throws {
        try await PolicyCLI.withTemporaryDirectory { directory in
            let result = await PolicyCLI.run(["validate", "--allow-empty", directory])
            #expect(result.code == 0)
            #expect(result.outputLines == ["0 files, 0 policies, 0 errors, 0 warnings"])
        }
    }

    @Test func aTreeBehindASymlinkedDirectoryIsRead() async throws {
        try await PolicyCLI.withTemporaryDirectory { directory in
            try FileManager.default.createDirectory(atPath: directory + "/shared", withIntermediateDirectories: true)
            try PolicyCLI.write(Self.policyFile, to: "shared/p.yaml", in: directory)
            try FileManager.default.createDirectory(atPath: directory + "/tree", withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(
                atPath: directory + "/tree/security", withDestinationPath: directory + "/shared")
            let result = await PolicyCLI.run(["validate", directory + "/tree"])
            #expect(result.code == 0)
            #expect(result.outputLines == ["1 file, 1 policy, 0 errors, 0 warnings"])
        }
    }

    @Test func aSymlinkLoopIsReportedAsALoop() async throws {
        try await PolicyCLI.withTemporaryDirectory { directory in
            try FileManager.default.createSymbolicLink(
                atPath: directory + "/loop", withDestinationPath: directory + "/loop")
            let result = await PolicyCLI.run(["validate", directory + "/loop"])
            #expect(result.code == 3)
            #expect(
                result.outputLines.first
                    == "\(directory)/loop:1:1: error[symlink-loop]: symbolic link loop at `\(directory)/loop`")
            #expect(!result.output.contains("no such file"))
        }
    }

    @Test func aFIFOInThePolicyDirectoryIsSkippedWithAWarning() async throws {
        try await PolicyCLI.withTemporaryDirectory { directory in
            try PolicyCLI.write(Self.policyFile, to: "p.yaml", in: directory)
            #expect(mkfifo(directory + "/stuck.yaml", 0o600) == 0)
            let result = await PolicyCLI.run(["validate", directory])
            #expect(result.code == 0)
            #expect(
                result.outputLines.first?.hasPrefix("\(directory)/stuck.yaml:1:1: warning[skipped-special-file]: ")
                    == true)
            #expect(result.outputLines.last == "1 file, 1 policy, 0 errors, 1 warning")
        }
    }

    @Test func aFIFOInThePolicyDirectoryDoesNotHangEval() async throws {
        try await PolicyCLI.withTemporaryDirectory { directory in
            try PolicyCLI.write(Self.policyFile, to: "p.yaml", in: directory)
            #expect(mkfifo(directory + "/stuck.yaml", 0o600) == 0)
            let result = await PolicyCLI.run(
                ["eval", "--policies", directory, "--actor", "u", "--action", "a", "--resource", "r"])
            #expect(result.code == 0)
            #expect(result.outputLines.first == "decision: allow")
        }
    }

    @Test func policiesThatFailToLoadAreCountedApart() async throws {
        try await PolicyCLI.withTemporaryDirectory { directory in
            let path = try PolicyCLI.write(
                Self.policyFile + """
                      - name: broken
                        kind: security.policy.expr
                        policy: {actions: "*", resources: "*", effect: allow, expression: "actor.id =="}

                    """, to: "p.yaml", in: directory)
            let result = await PolicyCLI.run(["validate", path])
            #expect(result.code == 3)
            #expect(result.outputLines.last == "1 file, 1 policy, 1 policy failed to load, 1 error, 0 warnings")
        }
    }

    @Test func aNumericVersionIsAWarningWithItsPlace() async throws {
        try await PolicyCLI.withTemporaryDirectory { directory in
            let path = try PolicyCLI.write("version: 1.0\n" + Self.policyFile, to: "p.yaml", in: directory)
            let result = await PolicyCLI.run(["validate", path])
            #expect(result.code == 0)
            #expect(
                result.outputLines == [
                    "\(path):1:10: warning[non-string-version]: `version` is a number `1.0`, not a string",
                    "  hint: quote it: `version: \"1.0\"`",
                    "1 file, 1 policy, 0 errors, 1 warning",
                ])
        }
    }
}
