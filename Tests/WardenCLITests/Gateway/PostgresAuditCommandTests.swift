import Foundation
import Testing
import WardenAuditPostgres
import WardenPostgresTestSupport

@testable import WardenCLI

/// `--audit postgres://...` and `--node` on the demo, and the review commands with `--db URL`.
@Suite("warden with a PostgreSQL audit store", needsPostgres, .timeLimit(.minutes(5)))
struct PostgresAuditCommandTests {
    @Test("two demo runs as two nodes write two chains that verify --db checks, and the review commands read them")
    func twoNodesOneStore() async throws {
        let url = PostgresTestServer.commandLine(try PostgresTestServer.freshDatabase())
        let first = try await WardenProcess.run(["demo", "--audit", url, "--node", "gw-a", "--mode", "durable"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("warden audit verify --db '\(url)'"))
        let second = try await WardenProcess.run(["demo", "--audit", url, "--node", "gw-b", "--mode", "async"])
        #expect(second.status == 0, "\(second.stderr)")

        let verified = try await runAudit(["verify", "--db", url])
        #expect(verified.code == 0, "\(verified.err)")
        let lines = verified.out.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.first?.hasPrefix("node gw-a: ok: 25 records, seq 1...25") == true)
        #expect(lines.last?.hasPrefix("node gw-b: ok: 25 records, seq 1...25") == true)

        let denied = try await runAudit(["query", "--db", url, "--decision", "deny", "--format", "jsonl"])
        #expect(denied.code == 0, "\(denied.err)")
        let records = denied.out.split(separator: "\n")
        #expect(records.count == 6)
        #expect(records.filter { $0.contains("\"node\":\"gw-a\"") }.count == 3)
        #expect(records.filter { $0.contains("\"node\":\"gw-b\"") }.count == 3)
        #expect(records.allSatisfy { $0.contains("\"decision\":\"deny\"") })

        let stats = try await runAudit(["stats", "--db", url, "--format", "json"])
        #expect(stats.code == 0, "\(stats.err)")
        #expect(stats.out.contains("\"denied\":6,"))
        #expect(stats.out.contains("\"records\":50,"))

        let tail = try await runAudit(["tail", "--db", url, "-n", "2", "--format", "jsonl"])
        #expect(tail.code == 0, "\(tail.err)")
        #expect(tail.out.split(separator: "\n").count == 2)

        let replay = try await runAudit([
            "replay", "--db", url, "--policies", WardenProcess.packageRoot.appendingPathComponent("policies").path,
        ])
        #expect(replay.code == 0, "\(replay.out)\(replay.err)")
    }

    @Test("import loads a JSON Lines log into its node's chain, and a second import skips it")
    func importIntoPostgres() async throws {
        let url = PostgresTestServer.commandLine(try PostgresTestServer.freshDatabase())
        let directory = try WardenProcess.temporaryDirectory()
        let log = directory.appendingPathComponent("audit.jsonl").path
        let demo = try await WardenProcess.run(["demo", "--audit", log, "--node", "gw-file"])
        #expect(demo.status == 0, "\(demo.stderr)")
        let imported = try await runAudit(["import", "--db", url, log])
        #expect(imported.code == 0, "\(imported.err)")
        #expect(imported.out.hasPrefix("imported 25 records (skipped 0 already present)"))
        let again = try await runAudit(["import", "--db", url, log])
        #expect(again.out.hasPrefix("imported 0 records (skipped 25 already present)"))
        let verified = try await runAudit(["verify", "--db", url])
        #expect(verified.out.hasPrefix("node gw-file: ok: 25 records"))
    }

    @Test("a URL that does not parse is invalid input that names what is wrong")
    func badURL() async throws {
        let result = try await runAudit(["query", "--db", "postgres://localhost/audit"])
        #expect(result.code == 3)
        #expect(result.err.contains("invalid PostgreSQL URL `postgres://localhost/audit`: it names no user"))
    }
}
