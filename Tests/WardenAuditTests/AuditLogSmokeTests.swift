import Logging
import Testing
import WardenTestSupport
import WardenValue

@testable import WardenAudit

@Suite struct AuditLogSmokeTests {
    @Test func writesChainedRecords() async throws {
        let sink = InMemoryAuditSink()
        let log = AuditLog(node: "n1", sink: sink, mode: .sync, failurePolicy: .failClosed, logger: Logger(label: "t"))
        for i in 0..<3 {
            try await log.record(
                AuditEntry(
                    op: "process.send", caller: AuditCaller(pid: "p", actor: Actor(id: "a\(i)"), context: .complete),
                    checks: [AuditCheck(action: "process.send", resource: "r", decision: .allow)], decision: .allow,
                    policyRevision: "rev", durationNanoseconds: 5))
        }
        await log.shutdown()
        #expect(sink.records.map(\.record.seq) == [1, 2, 3])
        for line in sink.lines { print(line) }
    }
}
