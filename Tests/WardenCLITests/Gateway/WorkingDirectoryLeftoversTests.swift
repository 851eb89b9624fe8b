import Foundation
import Testing

/// What `warden demo` and the README's walk-through leave in the working directory is ignored by
/// the repository's `.gitignore`, so trying Warden in a checkout leaves `git status` clean.
@Suite("working-directory leftovers", .timeLimit(.minutes(5)))
struct WorkingDirectoryLeftoversTests {
    /// The `.gitignore` patterns, as `fnmatch` patterns for one path component (a trailing `/`
    /// and a leading `/` dropped).
    static func ignorePatterns() throws -> [String] {
        let text = try String(contentsOf: PolicyCLI.root.appendingPathComponent(".gitignore"), encoding: .utf8)
        return text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") && !$0.hasPrefix("!") }
            .map { pattern in
                var pattern = pattern
                if pattern.hasSuffix("/") { pattern.removeLast() }
                if pattern.hasPrefix("/") { pattern.removeFirst() }
                return pattern
            }
    }

    @Test func theDemoAndTheTourLeaveOnlyIgnoredFiles() async throws {
        let directory = try WardenProcess.temporaryDirectory()
        defer { PolicyCLI.remove(directory.path) }
        let policies = WardenProcess.packageRoot.appendingPathComponent("policies").path
        #expect(try await WardenProcess.run(["demo", "--policies", policies], in: directory).status == 0)
        let log = "warden-demo-audit.jsonl"
        #expect(
            try await WardenProcess.run(["audit", "import", "--db", "audit.sqlite", log], in: directory).status == 0)
        #expect(
            try await WardenProcess.run(
                ["audit", "query", "--db", "audit.sqlite", "--decision", "deny"], in: directory
            ).status == 0)
        try FileManager.default.copyItem(
            atPath: policies, toPath: directory.appendingPathComponent("candidate-policies").path)

        let patterns = try Self.ignorePatterns()
        let left = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        #expect(left.contains(log))
        let notIgnored = left.filter { name in !patterns.contains { fnmatch($0, name, 0) == 0 } }
        #expect(notIgnored == [], "left in the working directory and not in .gitignore: \(notIgnored)")
    }
}
