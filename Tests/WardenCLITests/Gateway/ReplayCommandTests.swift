import Foundation
import Testing
import WardenValue

@Suite("warden audit replay", .timeLimit(.minutes(5)))
struct ReplayCommandTests {
    /// A copy of the example policy tree with `edit` applied to one file.
    static func candidate(_ file: String, _ edit: (String) -> String) throws -> URL {
        let directory = try WardenProcess.temporaryDirectory().appendingPathComponent("policies")
        try FileManager.default.copyItem(
            at: WardenProcess.packageRoot.appendingPathComponent("policies"), to: directory)
        let path = directory.appendingPathComponent(file)
        let text = try String(contentsOf: path, encoding: .utf8)
        let edited = edit(text)
        #expect(edited != text, "the edit changed nothing")
        try edited.write(to: path, atomically: true, encoding: .utf8)
        return directory
    }

    static func demoLog() async throws -> String {
        let log = try WardenProcess.temporaryDirectory().appendingPathComponent("audit.jsonl").path
        let demo = try await WardenProcess.run(["demo", "--audit", log])
        #expect(demo.status == 0, "\(demo.stderr)")
        return log
    }

    @Test("the unchanged policy tree changes nothing: exit 0")
    func unchangedTree() async throws {
        let output = try await WardenProcess.run([
            "audit", "replay", "--policies", "policies", try await Self.demoLog(),
        ])
        #expect(output.status == 0, "\(output.stdout)\(output.stderr)")
        #expect(output.stdout.contains("25 records read, 25 replayed"))
        #expect(output.stdout.contains("0 decisions change: 0 allow -> deny, 0 deny -> allow"))
    }

    @Test("dropping a deny policy and narrowing a host grant flips exactly the calls they decided")
    func knownFlips() async throws {
        let log = try await Self.demoLog()
        // Without free_tier_no_links the tenant's spawn_linked on its own host is allowed
        // (tenant_jobs and tenant_host grant it); without app:workers in supervisor_hosts the
        // supervisor's three spawn_linked and one spawn_monitored on app:workers are denied.
        var tree = try Self.candidate("security/tenants.yaml") { text in
            let start = text.range(of: "  - name: free_tier_no_links")!
            let end = text.range(of: "  - name: tenants_never_touch_app")!
            return text.replacingCharacters(in: start.lowerBound..<end.lowerBound, with: "")
        }
        let supervisors = tree.appendingPathComponent("security/supervisors.yaml")
        let text = try String(contentsOf: supervisors, encoding: .utf8)
        try text.replacingOccurrences(of: "resources: [app:processes, app:workers]", with: "resources: [app:processes]")
            .write(to: supervisors, atomically: true, encoding: .utf8)
        tree = tree.standardizedFileURL

        let output = try await WardenProcess.run(["audit", "replay", "--policies", tree.path, "--format", "jsonl", log])
        #expect(output.status == 2, "\(output.stderr)")
        let lines = try output.stdout.split(separator: "\n").map { try Value(json: String($0)) }
        let changes = lines.filter { $0["summary"] == nil }
        #expect(changes.count == 5)
        let toDeny = changes.filter { $0["new"] == "deny" }
        #expect(toDeny.count == 4)
        #expect(
            Set(toDeny.compactMap { $0["op"]?.stringValue }) == ["process.spawn_linked", "process.spawn_monitored"])
        #expect(toDeny.allSatisfy { $0["old_policies"]?.listValue?.contains("app.security:supervisor_hosts") == true })
        #expect(toDeny.allSatisfy { $0["new_policies"] == [] })
        let toAllow = changes.filter { $0["new"] == "allow" }
        #expect(toAllow.count == 1)
        #expect(toAllow.first?["actor"] == "tenant:acme")
        #expect(toAllow.first?["old_policies"] == ["app.security:free_tier_no_links"])
        #expect(toAllow.first?["new_policies"] == ["app.security:tenant_host", "app.security:tenant_jobs"])
        let summary = lines.last?["summary"]
        #expect(summary?["allow_to_deny"] == 4)
        #expect(summary?["deny_to_allow"] == 1)
    }

    @Test("the README's example: free tier renamed, so the tenant's denied spawn_linked would be allowed")
    func readmeExample() async throws {
        let tree = try Self.candidate("security/tenants.yaml") {
            $0.replacingOccurrences(of: "          value: free\n", with: "          value: trial\n")
        }
        let output = try await WardenProcess.run(["audit", "replay", "--policies", tree.path, try await Self.demoLog()])
        #expect(output.status == 2, "\(output.stderr)")
        #expect(output.stdout.contains("tenant:acme  process.spawn_linked app.tenants:task\n  deny -> allow\n"))
        #expect(output.stdout.contains("  was: deny by app.security:free_tier_no_links\n"))
        #expect(output.stdout.contains("  now: allow by app.security:tenant_host, app.security:tenant_jobs\n"))
        #expect(output.stdout.contains("1 decision changes: 0 allow -> deny, 1 deny -> allow"))
    }

    @Test("candidate policies that do not load: exit 3 with the diagnostics")
    func badCandidate() async throws {
        let tree = try Self.candidate("security/admins.yaml") {
            $0.replacingOccurrences(of: "effect: allow", with: "effect: permit")
        }
        let output = try await WardenProcess.run(["audit", "replay", "--policies", tree.path, try await Self.demoLog()])
        #expect(output.status == 3)
        #expect(output.stderr.contains("admins.yaml:"))
        #expect(output.stderr.contains("permit"))
    }

    @Test("a file that is not an audit log is reported, not replayed")
    func notALog() async throws {
        let file = try WardenProcess.temporaryDirectory().appendingPathComponent("notes.jsonl")
        try "hello\n".write(to: file, atomically: true, encoding: .utf8)
        let output = try await WardenProcess.run(["audit", "replay", "--policies", "policies", file.path])
        #expect(output.status == 1)
        #expect(output.stderr.contains("notes.jsonl:1"))
    }
}
