import Foundation
import Testing
import WardenAuditLog
import WardenAuditRecord
import WardenValue

@testable import WardenCLI

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `warden audit tail` on logs as they are on real machines: rotated in place, large.
@Suite struct AuditTailTruncationTests {
    typealias F = AuditCLIFixture

    /// The `seq` of every JSON line printed.
    private func seqs(_ out: String) throws -> [Value] {
        try out.split(separator: "\n").map { try #require(Value(json: String($0))["seq"]) }
    }

    /// The fixture's entries in turn, each a day after the one before (times move forward, as a
    /// writer's do, so the chain check while following sees an honest log).
    private func entry(_ i: Int) -> AuditEntry {
        var entry = F.entries[i % F.entries.count]
        entry.time = F.time(Int64(i) * 86_400)
        return entry
    }

    @Test func tailFollowsALogThatIsCopiedAndTruncatedUnderItsWriter() async throws {
        let dir = try AuditCLIDirectory()
        let path = dir.file("h.jsonl")
        let log = AuditLog(
            node: "gw", sink: try JSONLFileSink(path: path, logger: F.quiet), mode: .sync, failurePolicy: .failClosed,
            logger: F.quiet)
        for i in 0..<30 { try await log.record(entry(i)) }
        let io = CapturedIO()
        let tail = Task {
            try await runAudit(["tail", "-f", "-n", "2", "--count", "5", "--interval", "5", path], io: io)
        }
        while io.capturedOut.split(separator: "\n").count < 2 {
            try await Task.sleep(for: .milliseconds(2))
        }
        // logrotate's copytruncate: copy aside, cut in place; the writer keeps appending.
        try FileManager.default.copyItem(atPath: path, toPath: dir.file("h.jsonl.1"))
        #expect(truncate(path, 0) == 0)
        for i in 30..<33 { try await log.record(entry(i)) }
        await log.shutdown()
        let watchdog = Task {
            try await Task.sleep(for: .seconds(60))
            tail.cancel()
        }
        let result = try await tail.value
        watchdog.cancel()
        #expect(result.code == 0)
        #expect(try seqs(result.out) == [29, 30, 31, 32, 33].map { Value.int($0) })
        #expect(result.err == "`\(path)` was truncated; following from its start\n")
    }

    @Test func tailReadsTheLastRecordsWithoutReadingTheStartOfTheFile() async throws {
        let dir = try AuditCLIDirectory()
        try await F.writeLog(dir.file("audit.jsonl"))
        let lines = try dir.lines("audit.jsonl")
        // 20 MB without a newline before the records: reading from the start fails on it.
        let path = dir.file("big.jsonl")
        let junk = [UInt8](repeating: UInt8(ascii: "x"), count: 20 << 20)
        try Data(junk + Array(("\n" + lines.joined(separator: "\n") + "\n").utf8)).write(to: URL(fileURLWithPath: path))
        let result = try await runAudit(["tail", "-n", "2", path])
        #expect(result.code == 0)
        #expect(result.err == "")
        #expect(result.out == lines[2] + "\n" + lines[3] + "\n")
    }
}
