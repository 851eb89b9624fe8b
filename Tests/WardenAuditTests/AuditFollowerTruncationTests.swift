import Foundation
import Testing

@testable import WardenAuditLog
@testable import WardenAuditReview

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Following a log that log rotation cuts in place (`copytruncate`) or replaces (rename).
@Suite struct AuditFollowerTruncationTests {
    /// A follower of `path` and the notices it gave (polled on one thread).
    private final class Followed {
        private final class Notices {
            var list: [AuditFollowNotice] = []
        }

        private let notices: Notices
        let follower: AuditFollower

        init(_ path: String) {
            let notices = Notices()
            self.notices = notices
            follower = AuditFollower.file(path, notify: { notices.list.append($0) })
        }

        var noticed: [AuditFollowNotice] { notices.list }
    }

    /// Lines of a verified log of `count` records, written elsewhere in `dir`.
    private func sourceLines(_ dir: TemporaryDirectory, count: Int) async throws -> [String] {
        try await writeLog(dir.file("source.jsonl"), count: count)
        return try dir.lines("source.jsonl")
    }

    private func append(_ lines: ArraySlice<String>, to path: String) throws {
        try FileHandleAppender(path: path).append(lines.map { $0 + "\n" }.joined())
    }

    @Test func aFileCutToLessThanWasReadIsFollowedFromItsStart() async throws {
        let dir = try TemporaryDirectory()
        let lines = try await sourceLines(dir, count: 8)
        let path = dir.file("followed.jsonl")
        try append(lines[0..<5], to: path)
        let followed = Followed(path)
        #expect(try followed.follower.poll().map(\.record.seq) == [1, 2, 3, 4, 5])
        #expect(truncate(path, 0) == 0)
        try append(lines[5..<7], to: path)
        #expect(try followed.follower.poll().map(\.record.seq) == [6, 7])
        #expect(followed.noticed == [AuditFollowNotice(.truncated, path: path)])
        try append(lines[7..<8], to: path)
        #expect(try followed.follower.poll().map(\.record.seq) == [8])
        #expect(followed.noticed.count == 1)
    }

    @Test func aFileCutAndWrittenPastTheOldEndBetweenTwoLooksIsFollowedFromItsStart() async throws {
        let dir = try TemporaryDirectory()
        let lines = try await sourceLines(dir, count: 12)
        let path = dir.file("followed.jsonl")
        try append(lines[0..<3], to: path)
        let followed = Followed(path)
        #expect(try followed.follower.poll().map(\.record.seq) == [1, 2, 3])
        #expect(truncate(path, 0) == 0)
        try append(lines[3..<12], to: path)  // longer than what was read before the cut
        #expect(try followed.follower.poll().map(\.record.seq) == Array(4...12))
        #expect(followed.noticed == [AuditFollowNotice(.truncated, path: path)])
    }

    @Test func aFileCutToEmptyIsNoticedBeforeAnythingNewArrives() async throws {
        let dir = try TemporaryDirectory()
        let lines = try await sourceLines(dir, count: 4)
        let path = dir.file("followed.jsonl")
        try append(lines[0..<2], to: path)
        let followed = Followed(path)
        #expect(try followed.follower.poll().count == 2)
        #expect(truncate(path, 0) == 0)
        #expect(try followed.follower.poll().isEmpty)
        #expect(followed.noticed.map(\.description) == ["`\(path)` was truncated; following from its start"])
        try append(lines[2..<4], to: path)
        #expect(try followed.follower.poll().map(\.record.seq) == [3, 4])
        #expect(followed.noticed.count == 1)
    }

    @Test func appendingWithoutACutGivesNoNotice() async throws {
        let dir = try TemporaryDirectory()
        let lines = try await sourceLines(dir, count: 6)
        let path = dir.file("followed.jsonl")
        let followed = Followed(path)
        for i in 0..<6 {
            try append(lines[i..<(i + 1)], to: path)
            #expect(try followed.follower.poll().map(\.record.seq) == [i + 1])
        }
        #expect(followed.noticed.isEmpty)
    }

    @Test func aLiveWriterWhoseFileIsCopiedAndTruncatedKeepsBeingFollowed() async throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("audit.jsonl")
        let sink = try JSONLFileSink(path: path, logger: quietLogger)
        let log = AuditLog(node: "n", sink: sink, mode: .sync, failurePolicy: .failClosed, logger: quietLogger)
        for i in 0..<10 { try await log.record(Entries.varied(i)) }
        let followed = Followed(path)
        #expect(try followed.follower.poll().map(\.record.seq) == Array(1...10))
        // logrotate's copytruncate: copy the file aside, then cut it while the writer keeps it open.
        try FileManager.default.copyItem(atPath: path, toPath: dir.file("audit.jsonl.1"))
        #expect(truncate(path, 0) == 0)
        for i in 10..<13 { try await log.record(Entries.varied(i)) }
        await log.shutdown()
        #expect(try followed.follower.poll().map(\.record.seq) == [11, 12, 13])
        #expect(followed.noticed == [AuditFollowNotice(.truncated, path: path)])
    }

    @Test func aFileReplacedByRenameIsReadToItsEndThenTheNewFileFromItsStart() async throws {
        let dir = try TemporaryDirectory()
        let lines = try await sourceLines(dir, count: 7)
        let path = dir.file("followed.jsonl")
        try append(lines[0..<2], to: path)
        let followed = Followed(path)
        #expect(try followed.follower.poll().map(\.record.seq) == [1, 2])
        try append(lines[2..<3], to: path)  // written before the rename, not read yet
        #expect(rename(path, dir.file("followed.jsonl.1")) == 0)
        try append(lines[3..<5], to: path)  // a new file under the same name
        #expect(try followed.follower.poll().map(\.record.seq) == [3, 4, 5])
        try append(lines[5..<7], to: path)
        #expect(try followed.follower.poll().map(\.record.seq) == [6, 7])
        #expect(followed.noticed.isEmpty)
    }
}
