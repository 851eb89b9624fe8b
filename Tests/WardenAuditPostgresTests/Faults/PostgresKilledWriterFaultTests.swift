import Foundation
import Testing
import WardenAuditPostgres
import WardenPostgresTestSupport
import WardenTestSupport

/// Four writer processes share one database; one is killed with SIGKILL mid-load. Every record
/// any of them acknowledged is stored, every chain verifies (`warden audit verify --db`), and the
/// killed node's chain continues when its writer comes back.
@Suite(needsPostgres, .timeLimit(.minutes(5))) struct PostgresKilledWriterFaultTests {
    @Test func fourWritersOneKilledLoseNoAcknowledgedRecordAndEveryChainVerifies() async throws {
        let url = try PostgresTestServer.freshDatabase()
        let text = PostgresTestServer.commandLine(url)
        let survivors = ["gw-1", "gw-2", "gw-4"]
        let perSurvivor = 3000
        var writers: [String: LoadWriter] = [:]
        for node in ["gw-1", "gw-2", "gw-3", "gw-4"] {
            // gw-3 is given far more than it can write before it is killed.
            writers[node] = try LoadWriter(
                url: text, node: node, records: node == "gw-3" ? 10_000_000 : perSurvivor, callers: 8)
        }
        let victim = try #require(writers["gw-3"])
        try await victim.wait(forAcknowledged: 300)
        victim.kill()
        #expect(await victim.wait() == SIGKILL)
        for node in survivors {
            let writer = try #require(writers[node])
            #expect(await writer.wait() == 0, "writer \(node) failed: \(writer.errors)")
            #expect(writer.done?.acknowledged == perSurvivor, "writer \(node) did not finish cleanly: \(writer.errors)")
            #expect(writer.done?.failed == 0)
        }

        for (node, writer) in writers {
            let stored = try StoredChain(node: node, url: url)
            let lost = writer.acknowledged.filter { stored.callers[$0.seq] != "{load|\($0.number)}" }
            #expect(lost.isEmpty, "node \(node): acknowledged records missing: \(lost.prefix(5))")
            #expect(stored.isContiguous, "node \(node)'s stored seqs have a gap")
            #expect(!writer.acknowledged.isEmpty)
        }
        let killedHead = try StoredChain(node: "gw-3", url: url).hashes.count

        // The killed node's writer comes back and continues its chain.
        let again = try LoadWriter(url: text, node: "gw-3", records: 100, callers: 4)
        #expect(await again.wait() == 0, "the restarted writer failed: \(again.errors)")
        #expect(again.acknowledged.map { $0.seq }.sorted() == Array(killedHead + 1...killedHead + 100))

        let verify = try await ChildProcess.run(
            try BuiltExecutable.path(named: "warden"), ["audit", "verify", "--db", text])
        #expect(verify.status == 0, "verify failed: \(verify.output) \(verify.errors)")
        let lines = verify.output.split(separator: "\n").map(String.init)
        #expect(lines.count == 4, "\(verify.output)")
        for (node, count) in [
            ("gw-1", perSurvivor), ("gw-2", perSurvivor), ("gw-3", killedHead + 100), ("gw-4", perSurvivor),
        ] {
            #expect(
                lines.contains { $0.hasPrefix("node \(node): ok: \(count) records, seq 1...\(count),") },
                "\(verify.output)")
        }
    }
}
