import Foundation
import Testing
import WardenValue

@testable import WardenAuditLog
@testable import WardenAuditRecord
@testable import WardenAuditReview

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@Suite(.timeLimit(.minutes(5))) struct JSONLFileSinkTests {
    @Test func reopeningContinuesTheChain() async throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("audit.jsonl")
        try await writeLog(path, count: 3)
        let reopened = try JSONLFileSink(path: path, logger: quietLogger)
        let lastLine = try dir.lines("audit.jsonl").last ?? ""
        let last = try RecordLine.verify(Array(lastLine.utf8))
        #expect(reopened.chainHead == AuditChainHead(seq: 3, hash: last.hash))
        try reopened.close()
        try await writeLog(path, count: 2)
        let result = try AuditVerifier.verify(files: [path])
        #expect(result.records == 5)
        #expect(result.head.seq == 5)
    }

    @Test func rotationNamesArchivesInOrderAndTheChainContinuesAcrossFiles() async throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("audit.jsonl")
        let limit: Int64 = 4000
        try await writeLog(path, count: 40, rotateAtBytes: limit)
        let set = AuditFileSet(activePath: path)
        let files = try set.files()
        #expect(files.count > 3)
        #expect(files.last == path)
        #expect(files.first == dir.file("audit.000001.jsonl"))
        #expect(
            files.dropLast().enumerated().allSatisfy {
                $0.element == dir.file(String(format: "audit.%06d.jsonl", $0.offset + 1))
            })
        // No file grows past the limit, and each new file's first record carries the last hash of the previous.
        var previousLast: AuditRecord?
        for file in files {
            let name = URL(fileURLWithPath: file).lastPathComponent
            #expect(try dir.bytes(name).count <= Int(limit))
            let records = try dir.lines(name).map { try RecordLine.verify(Array($0.utf8)) }
            if let previousLast, let first = records.first {
                #expect(first.prev == previousLast.hash)
                #expect(first.seq == previousLast.seq + 1)
            }
            previousLast = records.last ?? previousLast
        }
        let result = try AuditVerifier.verify(files: files)
        #expect(result.records == 40)
        // Reopening after rotation and writing more keeps one chain.
        try await writeLog(path, count: 10, rotateAtBytes: limit)
        #expect(try AuditVerifier.verify(files: try set.files()).records == 50)
    }

    @Test func reopeningWithoutAnActiveFileContinuesFromTheNewestArchive() async throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("audit.jsonl")
        try await writeLog(path, count: 20, rotateAtBytes: 3000)
        // A crash between renaming the active file and creating the new one leaves no active file.
        try FileManager.default.moveItem(
            atPath: path,
            toPath: dir.file(
                "audit.\(String(format: "%06d", try AuditFileSet(activePath: path).archives().count + 1)).jsonl"))
        try await writeLog(path, count: 5, rotateAtBytes: 3000)
        let result = try AuditVerifier.verify(files: try AuditFileSet(activePath: path).files())
        #expect(result.records == 25)
    }

    @Test func anIncompleteLastRecordIsCutOffOnOpen() async throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("audit.jsonl")
        try await writeLog(path, count: 3)
        let complete = try dir.bytes("audit.jsonl")
        try dir.write("audit.jsonl", complete + Array(#"{"caller":{"actor":nu"#.utf8))
        #expect(throws: AuditChainBreak.self) { try AuditVerifier.verify(files: [path]) }
        try await writeLog(path, count: 2)
        #expect(Array(try dir.bytes("audit.jsonl").prefix(complete.count)) == complete)
        #expect(try AuditVerifier.verify(files: [path]).records == 5)
    }

    @Test func refusesToContinueALogWhoseLastRecordDoesNotVerify() async throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("audit.jsonl")
        try await writeLog(path, count: 2)
        var bytes = try dir.bytes("audit.jsonl")
        let index = bytes.count - 10
        bytes[index] = bytes[index] == UInt8(ascii: "0") ? UInt8(ascii: "1") : UInt8(ascii: "0")
        try dir.write("audit.jsonl", bytes)
        #expect {
            try JSONLFileSink(path: path, logger: quietLogger)
        } throws: { error in
            let error = error as? AuditError
            return error?.kind == .openFailed && error?.message.contains("does not verify") == true
        }
    }

    @Test func refusesAFileThatIsNotAnAuditLogAndLeavesItAlone() throws {
        let dir = try TemporaryDirectory()
        let text = Array("some notes\nwithout a final newline".utf8)
        try dir.write("notes.txt", text)
        #expect(throws: AuditError.self) { try JSONLFileSink(path: dir.file("notes.txt"), logger: quietLogger) }
        #expect(try dir.bytes("notes.txt") == text)
    }

    @Test func aSecondWriterIsLockedOut() throws {
        let dir = try TemporaryDirectory()
        let first = try JSONLFileSink(path: dir.file("audit.jsonl"))
        #expect {
            try JSONLFileSink(path: dir.file("audit.jsonl"))
        } throws: { ($0 as? AuditError)?.kind == .locked }
        try first.close()
    }

    @Test(arguments: ["missing-dir/audit.jsonl", "a-directory", "regular-file/audit.jsonl"])
    func unwritablePathsFailToOpenWithAClearMessage(relative: String) throws {
        let dir = try TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: dir.file("a-directory"), withIntermediateDirectories: false)
        try dir.write("regular-file", [])
        #expect {
            try JSONLFileSink(path: dir.file(relative), logger: quietLogger)
        } throws: { error in
            guard let error = error as? AuditError else { return false }
            return error.kind == .openFailed && error.message.hasPrefix("cannot open audit")
        }
    }

    @Test(.enabled(if: geteuid() != 0, "root ignores file permissions"))
    func aReadOnlyFileFailsToOpen() throws {
        let dir = try TemporaryDirectory()
        try dir.write("audit.jsonl", [])
        chmod(dir.file("audit.jsonl"), 0o444)
        #expect(throws: AuditError.self) { try JSONLFileSink(path: dir.file("audit.jsonl"), logger: quietLogger) }
    }

    @Test func removingTheDirectoryWhileOpenFailsClosed() async throws {
        let dir = try TemporaryDirectory()
        let logDir = dir.file("logs")
        try FileManager.default.createDirectory(atPath: logDir, withIntermediateDirectories: false)
        let sink = try JSONLFileSink(path: "\(logDir)/audit.jsonl", logger: quietLogger)
        let log = AuditLog(node: "n", sink: sink, mode: .sync, failurePolicy: .failClosed, logger: quietLogger)
        try await log.record(Entries.spawn())
        try FileManager.default.removeItem(atPath: logDir)
        await #expect {
            try await log.record(Entries.spawn())
        } throws: { error in
            guard let error = error as? AuditError else { return false }
            return error.kind == .fileRemoved && error.message.contains("was removed or replaced")
        }
        // The sink stays refused: it cannot know where records would go.
        await #expect(throws: AuditError.self) { try await log.record(Entries.spawn()) }
        #expect(log.failureCount == 2)
        await log.shutdown()
    }

    @Test func replacingTheFileWhileOpenFailsClosed() async throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("audit.jsonl")
        let sink = try JSONLFileSink(path: path, logger: quietLogger)
        try FileManager.default.removeItem(atPath: path)
        try dir.write("audit.jsonl", [])
        #expect { try sink.write([]) } throws: { ($0 as? AuditError)?.kind == .fileRemoved }
    }

    @Test func injectedOutOfSpaceFailsTheCallAndKeepsTheFileVerifiable() async throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("audit.jsonl")
        let sink = FaultInjectingSink(try JSONLFileSink(path: path, logger: quietLogger))
        let log = AuditLog(node: "n", sink: sink, mode: .durable, failurePolicy: .failClosed, logger: quietLogger)
        try await log.record(Entries.spawn())
        sink.setOutOfSpace(true)
        await #expect {
            try await log.record(Entries.spawn())
        } throws: { ($0 as? AuditError)?.message.contains("no space left on device") == true }
        sink.setOutOfSpace(false)
        try await log.record(Entries.spawn())
        await log.shutdown()
        #expect(try AuditVerifier.verify(files: [path]).records == 2)
    }
}
