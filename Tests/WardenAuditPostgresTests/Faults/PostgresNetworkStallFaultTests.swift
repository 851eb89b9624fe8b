import Testing
import WardenAuditLog
import WardenAuditPostgres
import WardenAuditRecord
import WardenPostgresTestSupport

/// The network between the writer and the server stalls (a proxy stops forwarding): the
/// statement and connect timeouts turn the stall into refused calls, nothing is acknowledged
/// meanwhile, and once the network moves again the sink reconnects and the chain continues.
@Suite(needsPostgres, .timeLimit(.minutes(5))) struct PostgresNetworkStallFaultTests {
    @Test func aStalledNetworkTimesOutFailsClosedAndTheChainContinuesAfterIt() async throws {
        let url = try PostgresTestServer.freshDatabase()
        let upstream: StallingProxy.Upstream =
            if let socket = url.socketDirectory { .unixSocket(path: "\(socket)/.s.PGSQL.\(url.port)") } else {
                .tcp(host: url.host ?? "localhost", port: url.port)
            }
        let proxy = try StallingProxy(upstream: upstream)
        defer { proxy.shutdownAll() }
        let proxied = try PostgresAuditURL(
            "postgres://\(url.user)@127.0.0.1:\(proxy.port)/\(url.database)?connect_timeout=1&statement_timeout=1")
        let (load, running) = try ConcurrentLoad.startDurable(on: proxied, callers: 4)

        try await load.wait(for: "100 acknowledgements before the stall") { $0.acknowledgedCount >= 100 }
        proxy.stall()
        try await Task.sleep(for: .milliseconds(200))
        let acknowledgedBefore = load.acknowledgedCount
        let refusedBefore = load.refusedCount
        // The batch in flight times out (statement timeout), then the reconnection's login
        // cannot get through either (connect timeout): at least 2 s on an idle machine, longer
        // on a loaded one, so the test waits for both refusals rather than for a fixed time.
        try await load.wait(for: "a statement timeout and a connect timeout during the stall") { load in
            let reasons = load.refusalMessages
            return reasons.contains { $0.contains("did not answer within 1000 ms") }
                && reasons.contains { $0.contains("cannot connect") }
        }
        try await Task.sleep(for: .milliseconds(500))
        #expect(load.acknowledgedCount == acknowledgedBefore, "a call was acknowledged while the network was stalled")
        #expect(load.refusedCount > refusedBefore, "no call was refused: the stall did not time out")

        proxy.resume()
        try await load.wait(for: "100 acknowledgements after the stall") {
            $0.acknowledgedCount >= acknowledgedBefore + 100
        }
        await load.finish(running)
        try expectEveryAcknowledgementStoredInOneChain(load.acknowledged, url: url)
    }
}
