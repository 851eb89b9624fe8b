import Foundation
import Testing

@testable import WardenAuditRecord
@testable import WardenAuditReview

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `tail -n N`: the last records of the active file, read from its end.
@Suite struct AuditFollowerBacklogTests {
    private func log(_ dir: TemporaryDirectory, count: Int) async throws -> (path: String, lines: [String]) {
        try await writeLog(dir.file("audit.jsonl"), count: count)
        return (dir.file("audit.jsonl"), try dir.lines("audit.jsonl"))
    }

    @Test(arguments: [0, 1, 3, 9, 10, 50])
    func backlogHoldsTheLastRecordsAndFollowingContinuesAfterThem(count: Int) async throws {
        let dir = try TemporaryDirectory()
        let (path, _) = try await log(dir, count: 9)
        let follower = AuditFollower.file(path)
        let expected = Array((1...9).suffix(count))
        #expect(try follower.backlog(count).map(\.record.seq) == expected)
        #expect(try follower.poll().isEmpty)
        try await writeLog(path, count: 2)
        #expect(try follower.poll().map(\.record.seq) == [10, 11])
    }

    @Test func aLastLineWithoutItsNewlineIsLeftOutUntilItIsComplete() async throws {
        let dir = try TemporaryDirectory()
        let (_, lines) = try await log(dir, count: 4)
        let path = dir.file("partial.jsonl")
        try dir.write("partial.jsonl", Array((lines[0..<3].joined(separator: "\n") + "\n" + lines[3].prefix(40)).utf8))
        for count in [0, 2] {
            let follower = AuditFollower.file(path)
            #expect(try follower.backlog(count).map(\.record.seq) == Array([1, 2, 3].suffix(count)))
            #expect(try follower.poll().isEmpty)
        }
        let follower = AuditFollower.file(path)
        #expect(try follower.backlog(2).map(\.record.seq) == [2, 3])
        try FileHandleAppender(path: path).append(String(lines[3].dropFirst(40)) + "\n")
        #expect(try follower.poll().map(\.record.seq) == [4])
    }

    @Test func backlogOfAnEmptyOrMissingFileIsEmptyAndFollowingStartsAtItsBeginning() async throws {
        let dir = try TemporaryDirectory()
        let (_, lines) = try await log(dir, count: 2)
        for create in [true, false] {
            let path = dir.file("new-\(create).jsonl")
            if create { try dir.write("new-\(create).jsonl", []) }
            let follower = AuditFollower.file(path)
            #expect(try follower.backlog(10).isEmpty)
            try FileHandleAppender(path: path).append(lines.map { $0 + "\n" }.joined())
            #expect(try follower.poll().map(\.record.seq) == [1, 2])
        }
    }

    @Test func theFilterKeepsReadingBackUntilEnoughRecordsMatch() async throws {
        let dir = try TemporaryDirectory()
        try await ReviewFixture.writeLog(dir.file("audit.jsonl"))
        let follower = AuditFollower.file(dir.file("audit.jsonl"), filter: AuditFilter(actor: AuditGlob("user:alice")))
        #expect(try follower.backlog(50).map(\.record.seq) == [1, 3, 7])
    }

    @Test func aLargeFileIsNotReadWhole() async throws {
        let dir = try TemporaryDirectory()
        let (_, lines) = try await log(dir, count: 20)
        // A sparse gigabyte of zero bytes (no newline: not a log) before 20 real records: reading
        // it whole would take long and fail on its first "line".
        let path = dir.file("large.jsonl")
        let fd = try FileDescriptor.openFile(path, O_RDWR | O_CREAT)
        try fd.truncate(to: 1 << 30)
        try fd.closeFile()
        try FileHandleAppender(path: path).append(lines.map { $0 + "\n" }.joined())
        let follower = AuditFollower.file(path)
        #expect(try follower.backlog(5).map(\.record.seq) == Array(16...20))
        let backend = try #require(follower.backend as? FileFollowBackend)
        let tailBytes = Int64(lines.suffix(6).map { $0.utf8.count + 1 }.reduce(0, +))
        #expect(backend.bytesRead <= tailBytes + (1 << 16))
        #expect(try follower.poll().isEmpty)
    }

    @Test func anInvalidLineFoundFromTheEndIsReportedAtItsLineNumber() async throws {
        let dir = try TemporaryDirectory()
        let (_, lines) = try await log(dir, count: 6)
        var broken = lines
        broken[4] = "{not json"
        try dir.write("broken.jsonl", Array(broken.map { $0 + "\n" }.joined().utf8))
        let follower = AuditFollower.file(dir.file("broken.jsonl"))
        #expect(try follower.backlog(1).map(\.record.seq) == [6])
        #expect {
            _ = try AuditFollower.file(dir.file("broken.jsonl")).backlog(3)
        } throws: { error in
            (error as? AuditReadError)?.location == AuditLocation(path: dir.file("broken.jsonl"), line: 5)
        }
    }

    @Test func anInvalidLineAppendedAfterTheBacklogIsReportedAtItsLineNumber() async throws {
        let dir = try TemporaryDirectory()
        let (path, _) = try await log(dir, count: 3)
        let follower = AuditFollower.file(path)
        #expect(try follower.backlog(1).map(\.record.seq) == [3])
        try FileHandleAppender(path: path).append("garbage\n")
        #expect {
            _ = try follower.poll()
        } throws: { error in
            (error as? AuditReadError)?.location == AuditLocation(path: path, line: 4)
        }
    }
}
