import Synchronization
import Testing
import WardenValue

@testable import WardenAuditLog
@testable import WardenAuditRecord

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Observes every data sync of a real `JSONLFileSink`: records the file's size at that moment,
/// then performs the system's data sync.
final class SyncRecorder: Sendable {
    private let sizes = Mutex<[Int64]>([])

    /// The sizes of the synced file at each data sync, in order.
    var syncedSizes: [Int64] { sizes.withLock { $0 } }

    /// The seam handed to the sink.
    var dataSync: DataSync {
        DataSync { [self] fd throws(SystemError) in
            let size = try fd.status().size
            sizes.withLock { $0.append(size) }
            try DataSync.system.run(fd)
        }
    }
}

/// The size of the file at `path`, as the file system reports it now.
private func fileSize(_ path: String) throws -> Int64 {
    try #require(try FileDescriptor.status(ofPath: path)).size
}

@Suite("data sync below the JSON Lines sink", .timeLimit(.minutes(5)))
struct DataSyncTests {
    @Test func aDurableCallReturnsOnlyAfterItsRecordWasSynced() async throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("audit.jsonl")
        let recorder = SyncRecorder()
        let sink = try JSONLFileSink(path: path, logger: quietLogger, dataSync: recorder.dataSync)
        let log = AuditLog(node: "n", sink: sink, mode: .durable, failurePolicy: .failClosed, logger: quietLogger)
        for call in 1...5 {
            try await log.record(Entries.spawn())
            let size = try fileSize(path)
            // One caller at a time: one batch, one data sync per call, covering the whole file.
            #expect(recorder.syncedSizes.count == call)
            #expect(recorder.syncedSizes.last == size)
        }
        await log.shutdown()
        #expect(try dir.lines("audit.jsonl").count == 5)
    }

    @Test func concurrentDurableCallersShareDataSyncs() async throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("audit.jsonl")
        let recorder = SyncRecorder()
        let sink = try JSONLFileSink(path: path, logger: quietLogger, dataSync: recorder.dataSync)
        let log = AuditLog(node: "n", sink: sink, mode: .durable, failurePolicy: .failClosed, logger: quietLogger)
        let callers = 64
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<callers {
                group.addTask { try await log.record(Entries.spawn()) }
            }
            try await group.waitForAll()
        }
        let size = try fileSize(path)
        let synced = recorder.syncedSizes
        // Every acknowledged record is covered by a sync; a sync only follows a new batch, so
        // no two syncs see the same size and there are never more syncs than records.
        #expect(synced.last == size)
        #expect(synced.count <= callers)
        #expect(zip(synced, synced.dropFirst()).allSatisfy { $0 < $1 })
        await log.shutdown()
        #expect(try dir.lines("audit.jsonl").count == callers)
    }

    @Test(arguments: [DeliveryMode.sync, DeliveryMode.async])
    func otherModesSyncOnlyWhenTheLogCloses(mode: DeliveryMode) async throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("audit.jsonl")
        let recorder = SyncRecorder()
        let sink = try JSONLFileSink(path: path, logger: quietLogger, dataSync: recorder.dataSync)
        let log = AuditLog(node: "n", sink: sink, mode: mode, failurePolicy: .failClosed, logger: quietLogger)
        for _ in 0..<20 { try await log.record(Entries.spawn()) }
        #expect(recorder.syncedSizes.isEmpty)
        await log.shutdown()
        // Closing syncs once, after all 20 records were written.
        #expect(recorder.syncedSizes == [try fileSize(path)])
        #expect(try dir.lines("audit.jsonl").count == 20)
    }

    @Test func theDefaultSinkSyncsThroughTheSystemCall() throws {
        let dir = try TemporaryDirectory()
        let sink = try JSONLFileSink(path: dir.file("audit.jsonl"), logger: quietLogger)
        // Put a pipe where the log's descriptor was: the system refuses to sync a pipe, so the
        // sink's sync can only fail if it really asks the system.
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        defer {
            close(ends[0])
            close(ends[1])
        }
        let raw = try #require(sink.state.withLock { $0.fd?.raw })
        #expect(dup2(ends[0], raw) == raw)
        #expect(throws: AuditError.self) { try sink.sync() }
        #expect(sink.state.withLock { $0.broken?.kind } == .syncFailed)
    }

    @Test func theSystemDataSyncReportsTheSystemCallsFailure() {
        let error = #expect(throws: SystemError.self) { try DataSync.system.run(FileDescriptor(raw: -1)) }
        #expect(error?.code == EBADF)
    }
}
