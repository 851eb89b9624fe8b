import Foundation
import Testing

@testable import WardenAuditLog
@testable import WardenAuditReview

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The permission bits of the file at `path`.
func permissions(_ path: String) throws -> mode_t {
    var st = stat()
    guard stat(path, &st) == 0 else { throw CocoaError(.fileNoSuchFile) }
    return st.st_mode & 0o777
}

/// The process's umask, read without changing it (changing it would race with other tests).
func currentUmask() throws -> mode_t {
    let status = try String(contentsOfFile: "/proc/self/status", encoding: .utf8)
    let line = try #require(status.split(separator: "\n").first { $0.hasPrefix("Umask:") })
    return try #require(mode_t(line.dropFirst("Umask:".count).trimmingCharacters(in: .whitespaces), radix: 8))
}

@Suite struct DatabaseFileModeTests {
    @Test func aDatabaseAndItsWriteAheadFilesGetTheLogsMode() async throws {
        let dir = try TemporaryDirectory()
        try await writeLog(dir.file("audit.jsonl"), count: 2)
        let expected = 0o640 & ~(try currentUmask())
        #expect(try permissions(dir.file("audit.jsonl")) == expected)
        let sink = try SQLiteAuditSink(path: dir.file("audit.db"))
        let log = AuditLog(node: "n", sink: sink, mode: .sync, failurePolicy: .failClosed, logger: quietLogger)
        try await log.record(Entries.spawn())
        for file in ["audit.db", "audit.db-wal", "audit.db-shm"] {
            #expect(try permissions(dir.file(file)) == expected, "\(file)")
        }
        await log.shutdown()
        #expect(try permissions(dir.file("audit.db")) == expected)
    }

    @Test func importCreatesTheDatabaseWithTheLogsMode() async throws {
        let dir = try TemporaryDirectory()
        try await writeLog(dir.file("audit.jsonl"), count: 3)
        _ = try AuditImporter.importFiles([dir.file("audit.jsonl")], into: dir.file("audit.db"))
        #expect(try permissions(dir.file("audit.db")) == 0o640 & ~(try currentUmask()))
    }

    @Test func anExistingDatabaseKeepsItsMode() async throws {
        let dir = try TemporaryDirectory()
        try await writeLog(dir.file("audit.jsonl"), count: 3)
        _ = try AuditImporter.importFiles([dir.file("audit.jsonl")], into: dir.file("audit.db"))
        #expect(chmod(dir.file("audit.db"), 0o600) == 0)
        try await writeLog(dir.file("audit.jsonl"), count: 2)
        _ = try AuditImporter.importFiles([dir.file("audit.jsonl")], into: dir.file("audit.db"))
        #expect(try permissions(dir.file("audit.db")) == 0o600)
    }
}
