import Testing
import WardenAuditLog
import WardenAuditPostgres
import WardenAuditRecord
import WardenAuditReview
import WardenPostgresTestSupport

/// The server goes away under a `durable` load: calls fail closed while it is down, nothing
/// acknowledged is lost, and writing resumes without a gap in the node's chain.
@Suite(needsPostgres, .serialized, .timeLimit(.minutes(5))) struct PostgresRestartFaultTests {
    @Test func aCrashDuringADurableLoadFailsClosedLosesNoAcknowledgedRecordAndLeavesNoGap() async throws {
        try await PrivatePostgresServer.with { server in
            let url = try PostgresAuditURL(server.url + "&connect_timeout=1&statement_timeout=2")
            let (load, running) = try ConcurrentLoad.startDurable(on: url, callers: 16)

            try await load.wait(for: "200 acknowledgements before the crash") { $0.acknowledgedCount >= 200 }
            try await server.crash()
            // The server is down: after the answers already on their way, no call is acknowledged.
            try await Task.sleep(for: .milliseconds(300))
            let acknowledgedWhileDown = load.acknowledgedCount
            let refusedWhileDown = load.refusedCount
            try await Task.sleep(for: .seconds(1))
            #expect(
                load.acknowledgedCount == acknowledgedWhileDown, "a call was acknowledged while the server was down")
            #expect(load.refusedCount > refusedWhileDown, "calls made while the server was down were not refused")

            try await server.resume()
            try await load.wait(for: "200 acknowledgements after the restart") {
                $0.acknowledgedCount >= acknowledgedWhileDown + 200
            }
            await load.finish(running)

            try expectEveryAcknowledgementStoredInOneChain(load.acknowledged, url: url)
        }
    }

    @Test func aFastRestartDuringADurableLoadLosesNoAcknowledgedRecordAndLeavesNoGap() async throws {
        try await PrivatePostgresServer.with { server in
            let url = try PostgresAuditURL(server.url + "&connect_timeout=1&statement_timeout=2")
            let (load, running) = try ConcurrentLoad.startDurable(on: url, callers: 16)

            try await load.wait(for: "200 acknowledgements before the restart") { $0.acknowledgedCount >= 200 }
            try await server.restart()
            let acknowledgedAtRestart = load.acknowledgedCount
            try await load.wait(for: "200 acknowledgements after the restart") {
                $0.acknowledgedCount >= acknowledgedAtRestart + 200
            }
            await load.finish(running)

            try expectEveryAcknowledgementStoredInOneChain(load.acknowledged, url: url)
        }
    }
}

/// Every acknowledged record is stored with the hash the log answered, the node's seqs run from 1
/// without a hole, and the chain verifies.
func expectEveryAcknowledgementStoredInOneChain(
    _ acknowledged: [AuditChainHead], url: PostgresAuditURL, node: String = "gw-1"
) throws {
    let stored = try StoredChain(node: node, url: url)
    #expect(
        stored.missing(acknowledged).isEmpty,
        "acknowledged records missing from the store: \(stored.missing(acknowledged).prefix(5))")
    #expect(stored.isContiguous, "the stored seqs of node \(node) have a gap")
    let chains = try PostgresAuditStore(url: url).verify(options: AuditVerifyOptions())
    let chain = try #require(chains.first { $0.node == node })
    #expect(chain.verification.firstSeq == 1)
    #expect(chain.verification.records == stored.hashes.count)
    #expect(chain.verification.head.seq >= (acknowledged.map(\.seq).max() ?? 0))
}
