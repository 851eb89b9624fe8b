import Foundation
import Testing
import WardenAuditReview
import WardenTestSupport

@Suite("warden demo", .timeLimit(.minutes(5)))
struct DemoCommandTests {
    @Test("shows allowed and denied calls and leaves a log that verifies; a second run continues the chain")
    func demoLeavesAVerifiableLog() async throws {
        let directory = try WardenProcess.temporaryDirectory()
        let log = directory.appendingPathComponent("audit.jsonl").path
        let first = try await WardenProcess.run(["demo", "--audit", log, "--mode", "async"])
        #expect(first.status == 0, "\(first.stderr)")
        // The tenant's three refusals, each with the policy (or the lack of one) that decided it.
        #expect(first.stdout.contains("PERMISSION_DENIED: not allowed to terminate: {app:processes|0x00000001}"))
        #expect(first.stdout.contains("process.terminate: app.security:tenants_never_touch_app"))
        #expect(first.stdout.contains("PERMISSION_DENIED: not allowed to spawn on host: app:processes"))
        #expect(first.stdout.contains("process.spawn.linked: app.security:free_tier_no_links"))
        #expect(first.stdout.contains("25 calls: 22 allowed, 3 denied."))
        #expect(first.stdout.contains("supervisor exited normally: 12"))
        let verified = try AuditVerifier.verify(files: [log])
        #expect(verified.records == 25)

        let second = try await WardenProcess.run(["demo", "--audit", log])
        #expect(second.status == 0)
        #expect(second.stdout.contains("records 26-50"))
        #expect(try AuditVerifier.verify(files: [log]).records == 50)
    }

    @Test("a policy tree that allows nothing: the demo says which call was denied and by what")
    func emptyPolicyTree() async throws {
        let directory = try WardenProcess.temporaryDirectory()
        defer { PolicyCLI.remove(directory.path) }
        try "namespace: empty\nentries: []\n".write(
            to: directory.appendingPathComponent("empty.yaml"), atomically: true, encoding: .utf8)
        let log = directory.appendingPathComponent("audit.jsonl").path
        let result = try await WardenProcess.run(["demo", "--policies", directory.path, "--audit", log])
        #expect(result.status == 2)
        #expect(
            result.stderr.hasPrefix(
                "error: the demo supervisor stopped before it was ready: its `registry.register` call was denied "
                    + "(process.registry.register: no policy allows it)"))
        #expect(result.stdout.contains("1 call: 0 allowed, 1 denied."))
        #expect(try AuditVerifier.verify(files: [log]).records == 1)
    }

    @Test("an empty policy directory is refused before the demo starts")
    func emptyPolicyDirectory() async throws {
        let directory = try WardenProcess.temporaryDirectory()
        defer { PolicyCLI.remove(directory.path) }
        let result = try await WardenProcess.run(
            ["demo", "--policies", directory.path, "--audit", directory.appendingPathComponent("audit.jsonl").path])
        #expect(result.status == 3)
        #expect(result.stderr.contains("error[no-policy-files]: no policy file found in `\(directory.path)`"))
    }

    @Test("with --signing-key the demo signs checkpoints that verify with the public key")
    func demoSignsCheckpoints() async throws {
        let directory = try WardenProcess.temporaryDirectory()
        let log = directory.appendingPathComponent("audit.jsonl").path
        let key = directory.appendingPathComponent("signing").path
        #expect(try await WardenProcess.run(["audit", "keygen", key]).status == 0)
        let demo = try await WardenProcess.run([
            "demo", "--audit", log, "--signing-key", key + ".key", "--checkpoint-every", "10", "--checkpoint-interval",
            "3600",
        ])
        #expect(demo.status == 0, "\(demo.stderr)")
        #expect(demo.stdout.contains("25 calls: 22 allowed, 3 denied."))
        #expect(demo.stdout.contains("warden audit verify --key \(key).pub \(log)"))
        // Opening checkpoint, one after every 10 calls, and the final one.
        #expect(demo.stdout.contains("(4 signed checkpoints written in this run)"))
        let verified = try await WardenProcess.run(["audit", "verify", "--key", key + ".pub", log])
        #expect(verified.status == 0)
        #expect(verified.stdout.hasPrefix("ok: 29 records, seq 1...29, head "))
        #expect(verified.stdout.hasSuffix("; 4 signed checkpoints verified\n"))
        let missing = try await WardenProcess.run(["demo", "--audit", log, "--signing-key", key + ".pub"])
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("it holds the other half of a key pair (give the `.key` file)"))
    }

    @Test("altering any byte of the demo's log makes verification fail")
    func everyByteIsProtected() async throws {
        let directory = try WardenProcess.temporaryDirectory()
        let log = directory.appendingPathComponent("audit.jsonl")
        #expect(try await WardenProcess.run(["demo", "--audit", log.path]).status == 0)
        let original = try Data(contentsOf: log)
        let tampered = directory.appendingPathComponent("tampered.jsonl")
        // Byte positions spread over the whole file (a prime stride lands on every field of every
        // record, ~1 KiB each), each changed to another printable byte. The audit tests flip
        // every single byte of a smaller log.
        var undetected: [Int] = []
        for position in stride(from: 0, to: original.count, by: 97) {
            var bytes = original
            bytes[position] = bytes[position] == UInt8(ascii: "a") ? UInt8(ascii: "b") : UInt8(ascii: "a")
            try bytes.write(to: tampered)
            if (try? AuditVerifier.verify(files: [tampered.path])) != nil { undetected.append(position) }
        }
        #expect(undetected.isEmpty, "changes at byte offsets \(undetected.prefix(10)) were not detected")
    }

    @Test(
        "a demo killed mid-run (SIGKILL) leaves a log that verifies up to its last whole record",
        arguments: [60, 120, 180, 240])
    func killedMidRun(afterMilliseconds delay: Int) async throws {
        let directory = try WardenProcess.temporaryDirectory()
        let log = directory.appendingPathComponent("audit.jsonl").path
        let process = Process()
        process.executableURL = try WardenProcess.executable()
        process.arguments = ["demo", "--audit", log, "--mode", "async"]
        process.currentDirectoryURL = WardenProcess.packageRoot
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Kill only once the log exists (the delay counts from there), so every run checks a log.
        while !FileManager.default.fileExists(atPath: log), process.isRunning {
            try await Task.sleep(for: .milliseconds(2))
        }
        try await Task.sleep(for: .milliseconds(delay))
        kill(process.processIdentifier, SIGKILL)
        await process.exitStatus()
        try #require(
            FileManager.default.fileExists(atPath: log),
            "the demo exited (status \(process.terminationStatus)) without creating its log")
        do {
            let verified = try AuditVerifier.verify(files: [log])
            #expect(verified.records <= 25)
        } catch {
            // Only a record cut short at the very end is acceptable, and it must be named precisely.
            let lines = try String(contentsOfFile: log, encoding: .utf8).split(
                separator: "\n", omittingEmptySubsequences: false)
            #expect(error.kind == .truncatedRecord, "\(error)")
            #expect(error.location.line == lines.count)
        }
    }

    @Test("a policy tree with errors is refused with exit 3 and the diagnostics")
    func badPolicies() async throws {
        let directory = try WardenProcess.temporaryDirectory()
        try
            "namespace: t\nentries:\n  - name: p\n    kind: security.policy\n    policy: {actions: x, resources: y, effect: Allow}\n"
            .write(to: directory.appendingPathComponent("bad.yaml"), atomically: true, encoding: .utf8)
        let output = try await WardenProcess.run(
            ["demo", "--policies", directory.path, "--audit", directory.appendingPathComponent("a.jsonl").path])
        #expect(output.status == 3)
        #expect(output.stderr.contains("bad.yaml:5:"))
    }

    @Test("an audit file in a missing directory is refused before anything runs")
    func unwritableAudit() async throws {
        let output = try await WardenProcess.run(["demo", "--audit", "/nonexistent-dir/audit.jsonl"])
        #expect(output.status == 3)
        #expect(output.stderr.contains("/nonexistent-dir"))
    }
}
