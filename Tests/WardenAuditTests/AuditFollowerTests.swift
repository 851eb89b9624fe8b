import Foundation
import Logging
import Testing

@testable import WardenAuditLog
@testable import WardenAuditReview

@Suite(.timeLimit(.minutes(5))) struct AuditFollowerTests {
    /// Polls until `count` records arrived; gives up `seconds` after `writer` finished (the
    /// writer's own pace, fsyncs included, is not bounded: a loaded machine may be slow).
    private func collect(_ follower: AuditFollower, count: Int, writer: Task<Void, any Error>, seconds: Double = 60)
        async throws -> [AuditReadRecord]
    {
        let finished = Counter()
        let watcher = Task {
            _ = await writer.result
            finished.increment()
        }
        var seen: [AuditReadRecord] = []
        var deadline: ContinuousClock.Instant?
        while seen.count < count {
            seen += try follower.poll()
            if deadline == nil, finished.value > 0 {
                deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
            }
            if let deadline, ContinuousClock.now > deadline { break }
            try await Task.sleep(for: .milliseconds(2))
        }
        await watcher.value
        return seen
    }

    @Test func followsALiveLogAcrossRotationWithoutLosingOrRepeatingRecords() async throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("audit.jsonl")
        // Archives from before following started are not replayed.
        try await writeLog(path, count: 5, rotateAtBytes: 2500)
        let before = try AuditFileSet(activePath: path).archives().count
        let alreadyActive = try dir.lines("audit.jsonl").count
        let follower = AuditFollower.file(path)
        let writer = Task {
            let sink = try JSONLFileSink(path: path, rotateAtBytes: 6000, logger: quietLogger)
            let log = AuditLog(node: "n", sink: sink, mode: .sync, failurePolicy: .failClosed, logger: quietLogger)
            for i in 0..<300 {
                try await log.record(Entries.varied(5 + i))
                if i % 7 == 0 { try await Task.sleep(for: .milliseconds(1)) }
            }
            await log.shutdown()
        }
        let seen = try await collect(follower, count: alreadyActive + 300, writer: writer)
        try await writer.value
        #expect(try AuditFileSet(activePath: path).archives().count > before + 10)
        let firstSeq = 5 - alreadyActive + 1
        #expect(seen.map(\.record.seq) == Array(firstSeq...305))
        #expect(try follower.poll().isEmpty)
    }

    @Test func followsSeveralRotationsBetweenTwoPolls() async throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("audit.jsonl")
        let follower = AuditFollower.file(path)
        #expect(try follower.poll().isEmpty)  // no file yet
        try await writeLog(path, count: 3)
        #expect(try follower.poll().map(\.record.seq) == [1, 2, 3])
        try await writeLog(path, count: 60, rotateAtBytes: 2000)  // many rotations at once
        #expect(try follower.poll().map(\.record.seq) == Array(4...63))
    }

    @Test func anIncompleteLineWaitsForItsNewline() async throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("audit.jsonl")
        try await writeLog(path, count: 2)
        let lines = try dir.lines("audit.jsonl")
        try dir.write("follow.jsonl", Array((lines[0] + "\n" + lines[1].prefix(30)).utf8))
        let follower = AuditFollower.file(dir.file("follow.jsonl"))
        #expect(try follower.poll().map(\.record.seq) == [1])
        let handle = try FileHandleAppender(path: dir.file("follow.jsonl"))
        try handle.append(String(lines[1].dropFirst(30)) + "\n")
        #expect(try follower.poll().map(\.record.seq) == [2])
    }

    @Test func backlogKeepsTheLastMatchingRecords() async throws {
        let dir = try TemporaryDirectory()
        try await ReviewFixture.writeLog(dir.file("audit.jsonl"))
        try await ReviewFixture.writeDatabase(dir.file("audit.db"))
        let filter = AuditFilter(actor: AuditGlob("user:alice"))
        for follower in [
            AuditFollower.file(dir.file("audit.jsonl"), filter: filter),
            try .database(dir.file("audit.db"), filter: filter),
        ] {
            #expect(try follower.backlog(2).map(\.record.seq) == [3, 7])
            #expect(try follower.poll().isEmpty)
        }
    }

    @Test func followsADatabase() async throws {
        let dir = try TemporaryDirectory()
        let db = dir.file("audit.db")
        let log = AuditLog(
            node: "n", sink: try SQLiteAuditSink(path: db), mode: .sync, failurePolicy: .failClosed, logger: quietLogger
        )
        try await log.record(Entries.spawn(actor: "a"))
        let follower = try AuditFollower.database(db, filter: AuditFilter(actor: AuditGlob("b*")))
        #expect(try follower.poll().isEmpty)
        for name in ["b1", "x", "b2"] { try await log.record(Entries.spawn(actor: name)) }
        #expect(try follower.poll().map { $0.record.caller.actor?.id } == ["b1", "b2"])
        await log.shutdown()
    }
}

/// Appends text to a file without truncating it.
struct FileHandleAppender {
    let path: String
    init(path: String) throws { self.path = path }
    func append(_ text: String) throws {
        guard let file = fopen(path, "ab") else { throw CocoaError(.fileWriteUnknown) }
        defer { fclose(file) }
        let bytes = Array(text.utf8)
        _ = fwrite(bytes, 1, bytes.count, file)
    }
}
