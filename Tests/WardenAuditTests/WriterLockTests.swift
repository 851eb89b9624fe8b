import Foundation
import Testing

@testable import WardenAuditLog

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@Suite struct WriterLockTests {
    private func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }

    @Test func closingAWriterRemovesItsLockFile() async throws {
        let dir = try TemporaryDirectory()
        let lock = dir.file(".audit.jsonl.lock")
        let sink = try JSONLFileSink(path: dir.file("audit.jsonl"), logger: quietLogger)
        #expect(exists(lock))
        try sink.close()
        #expect(!exists(lock))
        try await writeLog(dir.file("audit.jsonl"), count: 2)  // through AuditLog's shutdown
        #expect(!exists(lock))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["audit.jsonl"])
    }

    @Test func aWriterThatIsLockedOutLeavesTheHoldersLockInPlace() throws {
        let dir = try TemporaryDirectory()
        let lock = dir.file(".audit.jsonl.lock")
        let first = try JSONLFileSink(path: dir.file("audit.jsonl"), logger: quietLogger)
        #expect(throws: AuditError.self) { try JSONLFileSink(path: dir.file("audit.jsonl"), logger: quietLogger) }
        #expect(exists(lock))
        // The holder still keeps every later writer out.
        #expect {
            try JSONLFileSink(path: dir.file("audit.jsonl"), logger: quietLogger)
        } throws: { ($0 as? AuditError)?.kind == .locked }
        try first.close()
        #expect(!exists(lock))
    }

    @Test func aWriterThatOpenedTheLockFileJustBeforeItsHolderRemovedItDoesNotTrustIt() throws {
        let dir = try TemporaryDirectory()
        let fileSet = AuditFileSet(activePath: dir.file("audit.jsonl"))
        let holder = try WriterLock.acquire(fileSet)
        // The second writer opens the lock file, then the holder closes (removing the file)
        // before the second writer locks what it opened.
        var released = false
        let second = try WriterLock.acquire(fileSet) {
            if !released {
                released = true
                holder.release()
            }
        }
        // Had the second writer kept the lock of the removed file, a third could lock a new one.
        #expect {
            try WriterLock.acquire(fileSet)
        } throws: { ($0 as? AuditError)?.kind == .locked }
        second.release()
        #expect(!exists(WriterLock.path(for: fileSet)))
    }

    @Test func aLockFileLeftByACrashedWriterDoesNotKeepTheNextOneOut() throws {
        let dir = try TemporaryDirectory()
        try dir.write(".audit.jsonl.lock", [])  // no process holds it
        let sink = try JSONLFileSink(path: dir.file("audit.jsonl"), logger: quietLogger)
        try sink.close()
        #expect(!exists(dir.file(".audit.jsonl.lock")))
    }
}
