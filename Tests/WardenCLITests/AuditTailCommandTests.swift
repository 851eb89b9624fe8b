import Foundation
import Testing
import WardenAuditLog
import WardenAuditReview
import WardenValue

@testable import WardenCLI

@Suite(.timeLimit(.minutes(5))) struct AuditTailCommandTests {
    typealias F = AuditCLIFixture

    @Test func tailPrintsTheLastRecordsThatMatch() async throws {
        let dir = try AuditCLIDirectory()
        try await F.writeLog(dir.file("audit.jsonl"))
        let lines = try dir.lines("audit.jsonl")
        let result = try await runAudit(["tail", "-n", "2", dir.file("audit.jsonl")])
        #expect(result.code == 0)
        #expect(result.out == lines[2] + "\n" + lines[3] + "\n")
        let text = try await runAudit(
            ["tail", "-n", "1", "--decision", "deny", dir.file("audit.jsonl")], terminal: true)
        #expect(
            text.out
                == "2025-01-01T02:00:00.000000Z seq 3 process.terminate - deny  process.terminate {app:processes|0x1} undefined\n"
        )
    }

    @Test func tailFollowsAWriterAcrossRotation() async throws {
        let dir = try AuditCLIDirectory()
        let path = dir.file("audit.jsonl")
        try await F.writeLog(path)
        let total = 4 + 200
        let io = CapturedIO()
        let tail = Task {
            try await runAudit(["tail", "-f", "-n", "4", "--count", "\(total)", "--interval", "5", path], io: io)
        }
        // The writer starts once the tail has printed the existing records.
        while io.capturedOut.split(separator: "\n").count < 4 {
            try await Task.sleep(for: .milliseconds(2))
        }
        let writer = Task {
            let log = AuditLog(
                node: "gw", sink: try JSONLFileSink(path: path, rotateAtBytes: 6000, logger: F.quiet), mode: .sync,
                failurePolicy: .failClosed, logger: F.quiet)
            for i in 0..<200 {
                var entry = F.entries[i % F.entries.count]
                entry.time = F.time(100_000 + Int64(i))  // after the fixture's records: times go forward
                try await log.record(entry)
                if i % 10 == 0 { try await Task.sleep(for: .milliseconds(2)) }
            }
            await log.shutdown()
        }
        try await writer.value
        // Bounded: once the writer is done, the tail must have printed everything within a minute.
        let watchdog = Task {
            try await Task.sleep(for: .seconds(60))
            tail.cancel()
        }
        let result = try await tail.value
        watchdog.cancel()
        #expect(result.code == 0)
        let seqs = try result.out.split(separator: "\n").map { try #require(Value(json: String($0))["seq"]) }
        #expect(seqs == (1...total).map { Value.int($0) })
        #expect(try AuditFileSet(activePath: path).archives().count > 5)
    }

    @Test func tailFollowsADatabase() async throws {
        let dir = try AuditCLIDirectory()
        let db = dir.file("audit.db")
        let log = AuditLog(
            node: "gw", sink: try SQLiteAuditSink(path: db), mode: .sync, failurePolicy: .failClosed, logger: F.quiet)
        try await log.record(F.entries[0])
        let tail = Task {
            try await runAudit(["tail", "-f", "--db", db, "--actor", "user:alice", "--count", "3", "--interval", "5"])
        }
        for i in 0..<8 { try await log.record(F.entries[i % 4]) }
        let watchdog = Task {
            try await Task.sleep(for: .seconds(60))
            tail.cancel()
        }
        let result = try await tail.value
        watchdog.cancel()
        await log.shutdown()
        let seqs = try result.out.split(separator: "\n").map { try #require(Value(json: String($0))["seq"]) }
        #expect(seqs == [1, 2, 5])
    }
}
