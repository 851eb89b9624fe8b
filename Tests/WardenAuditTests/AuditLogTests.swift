import Logging
import Synchronization
import Testing
import WardenSync
import WardenTestSupport
import WardenValue

@testable import WardenAuditLog
@testable import WardenAuditRecord
@testable import WardenAuditReview

@Suite(.timeLimit(.minutes(5))) struct AuditLogTests {
    let logger = quietLogger

    @Test(arguments: DeliveryMode.allCases)
    func tenThousandRecordsFromHundredTasksFormOneVerifiableChain(mode: DeliveryMode) async throws {
        let dir = try TemporaryDirectory()
        let sink = try JSONLFileSink(path: dir.file("audit.jsonl"))
        let log = AuditLog(
            node: "n", sink: sink, mode: mode, failurePolicy: .failClosed, logger: logger, queueCapacity: 256)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for task in 0..<100 {
                group.addTask {
                    for _ in 0..<100 { try await log.record(Entries.spawn(actor: "t\(task)")) }
                }
            }
            try await group.waitForAll()
        }
        await log.shutdown()
        let result = try AuditVerifier.verify(files: [dir.file("audit.jsonl")])
        #expect(result.records == 10_000)
        #expect(result.firstSeq == 1)
        #expect(result.head.seq == 10_000)
        let lines = try dir.lines("audit.jsonl")
        #expect(lines.count == 10_000)
        // Every task's hundred records are all there.
        let actors = lines.compactMap { line -> String? in
            guard case .map(let m) = try? Value(json: line), let id = m["caller"]?["actor"]?["id"]?.stringValue else {
                return nil
            }
            return id
        }
        #expect(
            Dictionary(grouping: actors, by: { $0 }).mapValues(\.count)
                == Dictionary(uniqueKeysWithValues: (0..<100).map { ("t\($0)", 100) }))
        #expect(log.failureCount == 0)
    }

    /// `sync` and `durable` callers learn their record's `seq` and `hash` (what the sink holds);
    /// `async` callers, whose record is sealed later, and fail-open callers whose record was
    /// lost learn nothing.
    @Test(arguments: [DeliveryMode.sync, .durable])
    func waitingCallersGetTheirRecordsPosition(mode: DeliveryMode) async throws {
        let sink = InMemoryAuditSink()
        let log = AuditLog(node: "n", sink: sink, mode: mode, failurePolicy: .failClosed, logger: logger)
        var positions: [AuditChainHead?] = []
        for index in 0..<3 { positions.append(try await log.record(Entries.spawn(actor: "a\(index)"))) }
        await log.shutdown()
        #expect(positions == sink.records.map { AuditChainHead(seq: $0.record.seq, hash: $0.record.hash) })
        #expect(positions.map { $0?.seq } == [1, 2, 3])
    }

    @Test func asyncAndLostRecordsHaveNoPosition() async throws {
        let async = AuditLog(
            node: "n", sink: InMemoryAuditSink(), mode: .async, failurePolicy: .failClosed, logger: logger)
        #expect(try await async.record(Entries.spawn()) == nil)
        await async.shutdown()
        let failing = InMemoryAuditSink()
        failing.failWrites(with: AuditError(.writeFailed, "disk full"))
        let open = AuditLog(node: "n", sink: failing, mode: .sync, failurePolicy: .failOpen, logger: logger)
        #expect(try await open.record(Entries.spawn()) == nil)
        await open.shutdown()
    }

    @Test func asyncCallersWaitWhenTheQueueIsFullAndNothingIsDropped() async throws {
        let sink = GatedSink()
        sink.setWriteGate(open: false)
        let log = AuditLog(
            node: "n", sink: sink, mode: .async, failurePolicy: .failClosed, logger: logger, queueCapacity: 4,
            maxBatch: 2)
        let returned = Counter()
        let producers = Task {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for i in 0..<20 {
                    group.addTask {
                        try await log.record(Entries.spawn(actor: "a\(i)"))
                        returned.increment()
                    }
                }
                try await group.waitForAll()
            }
        }
        // The writer holds a batch of 1 or 2 at the closed gate and the queue holds 4: the other
        // callers wait instead of returning (nothing is dropped).
        await eventually("the writer is stuck and the queue is full") {
            let state = log.writerStateForTesting
            return sink.waiting == 1 && state.queued == 4 && returned.value + state.blocked == 20
        }
        #expect(log.writerStateForTesting.blocked >= 14)
        #expect(returned.value <= 6)
        sink.setWriteGate(open: true)
        try await producers.value
        await log.shutdown()
        #expect(returned.value == 20)
        #expect(sink.records.map(\.record.seq) == Array(1...20))
        #expect(Set(sink.records.map { $0.record.caller.actor?.id ?? "" }).count == 20)
    }

    /// While the writer keeps up, `async` callers leave encoding to it; once a backlog builds
    /// they encode their own entries. Either way every line is the record's canonical JSON and
    /// the chain is unbroken.
    @Test func asyncEntriesEncodedByTheWriterOrByBackloggedCallersFormTheSameChain() async throws {
        let sink = GatedSink()
        sink.setWriteGate(open: false)
        let log = AuditLog(
            node: "n", sink: sink, mode: .async, failurePolicy: .failClosed, logger: logger, queueCapacity: 1024,
            maxBatch: 1)
        try await log.record(Entries.spawn(actor: "first"))
        await eventually("the writer is stuck at the gate") { sink.waiting == 1 }
        let total = AuditWriter.backlogForCallerEncoding + 100
        for i in 0..<total { try await log.record(Entries.varied(i)) }
        #expect(log.writerStateForTesting.queued == total)
        sink.setWriteGate(open: true)
        await log.shutdown()
        let records = sink.records
        #expect(records.map(\.record.seq) == Array(1...(total + 1)))
        for sealed in records { #expect(sealed.line == sealed.record.value.canonicalJSON) }
        for i in 1..<records.count { #expect(records[i].record.prev == records[i - 1].record.hash) }
    }

    @Test func durableCallersShareOneFsync() async throws {
        let sink = GatedSink()
        sink.setSyncGate(open: false)
        let log = AuditLog(node: "n", sink: sink, mode: .durable, failurePolicy: .failClosed, logger: logger)
        let first = Task { try await log.record(Entries.spawn(actor: "first")) }
        await eventually("the first record waits in fsync") { sink.waiting == 1 }
        let rest = Task {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for i in 0..<63 { group.addTask { try await log.record(Entries.spawn(actor: "a\(i)")) } }
                try await group.waitForAll()
            }
        }
        await eventually("63 more records are queued") { log.writerStateForTesting.queued == 63 }
        sink.setSyncGate(open: true)
        _ = try await first.value
        try await rest.value
        #expect(sink.records.count == 64)
        #expect(sink.syncCount == 2)
        await log.shutdown()
    }

    @Test(arguments: [DeliveryMode.sync, .durable])
    func failClosedWriteFailureFailsTheCallAndTheChainContinuesWithoutAGap(mode: DeliveryMode) async throws {
        let sink = InMemoryAuditSink()
        let log = AuditLog(node: "n", sink: sink, mode: mode, failurePolicy: .failClosed, logger: logger)
        try await log.record(Entries.spawn(actor: "before"))
        let injected = AuditError(.writeFailed, "cannot write audit log `x`: no space left on device (errno 28)")
        sink.failWrites(with: injected)
        await #expect(throws: injected) { try await log.record(Entries.spawn(actor: "lost")) }
        #expect(log.failureCount == 1)
        sink.failWrites(with: nil)
        try await log.record(Entries.spawn(actor: "after"))
        await log.shutdown()
        #expect(sink.records.map(\.record.seq) == [1, 2])
        #expect(sink.records[1].record.prev == sink.records[0].record.hash)
        #expect(sink.records.map { $0.record.caller.actor?.id } == ["before", "after"])
    }

    @Test(arguments: DeliveryMode.allCases)
    func failOpenCountsFailuresAndLetsCallsProceed(mode: DeliveryMode) async throws {
        let sink = InMemoryAuditSink()
        let log = AuditLog(node: "n", sink: sink, mode: mode, failurePolicy: .failOpen, logger: logger)
        sink.failWrites(with: AuditError(.writeFailed, "disk full"))
        for _ in 0..<3 { try await log.record(Entries.spawn()) }
        let flushed = await log.flush()
        #expect(flushed?.message == "disk full")
        #expect(log.failureCount == 3)
        #expect(log.failure == nil)
        sink.failWrites(with: nil)
        try await log.record(Entries.spawn())
        #expect(await log.flush() == nil)
        await log.shutdown()
        #expect(sink.records.map(\.record.seq) == [1])
    }

    @Test func asyncWriteFailureMakesLaterRecordsFailClosedAndShowsOnFlush() async throws {
        let sink = InMemoryAuditSink()
        let log = AuditLog(node: "n", sink: sink, mode: .async, failurePolicy: .failClosed, logger: logger)
        sink.failWrites(with: AuditError(.writeFailed, "cannot write audit log `a.jsonl`: no space left on device"))
        try await log.record(Entries.spawn())  // accepted into the queue
        let flushed = await log.flush()
        #expect(flushed?.kind == .writeFailed)
        #expect(log.failure?.kind == .writeFailed)
        #expect(log.failureCount == 1)
        await #expect {
            try await log.record(Entries.spawn())
        } throws: { error in
            guard let error = error as? AuditError else { return false }
            return error.kind == .failedEarlier && error.message.contains("no space left on device")
        }
        await log.shutdown()
    }

    @Test func shutdownFlushesQueuedRecordsClosesTheSinkAndRefusesLaterRecords() async throws {
        let sink = InMemoryAuditSink()
        let log = AuditLog(node: "n", sink: sink, mode: .async, failurePolicy: .failOpen, logger: logger)
        for _ in 0..<500 { try await log.record(Entries.spawn()) }
        await log.shutdown()
        await log.shutdown()
        #expect(sink.records.count == 500)
        #expect(sink.isClosed)
        await #expect(throws: AuditError.self) { try await log.record(Entries.spawn()) }
    }

    @Test func flushWaitsForEveryAcceptedRecordAndSyncs() async throws {
        let sink = InMemoryAuditSink()
        let log = AuditLog(node: "n", sink: sink, mode: .async, failurePolicy: .failClosed, logger: logger)
        for _ in 0..<1000 { try await log.record(Entries.spawn()) }
        #expect(await log.flush() == nil)
        #expect(sink.records.count == 1000)
        #expect(sink.syncCount >= 1)
        await log.shutdown()
    }

    @Test func syncFailureInDurableModeFailsTheCall() async throws {
        let sink = InMemoryAuditSink()
        let log = AuditLog(node: "n", sink: sink, mode: .durable, failurePolicy: .failClosed, logger: logger)
        sink.failSyncs(with: AuditError(.syncFailed, "cannot sync audit log `x`: input/output error"))
        await #expect(throws: AuditError(.syncFailed, "cannot sync audit log `x`: input/output error")) {
            try await log.record(Entries.spawn())
        }
        #expect(log.failureCount == 1)
        sink.failSyncs(with: nil)
        await log.shutdown()
    }

    @Test func continuesTheChainAfterTheSinkHead() async throws {
        let head = AuditChainHead(seq: 41, hash: String(repeating: "f", count: 64))
        let sink = InMemoryAuditSink(head: head)
        let log = AuditLog(node: "n", sink: sink, mode: .sync, failurePolicy: .failClosed, logger: logger)
        try await log.record(Entries.spawn())
        await log.shutdown()
        #expect(sink.records.first?.record.seq == 42)
        #expect(sink.records.first?.record.prev == head.hash)
    }
}

/// A thread-safe counter.
final class Counter: Sendable {
    private let count = Locked(0)
    func increment() { count.withLock { $0 += 1 } }
    var value: Int { count.withLock { $0 } }
}
