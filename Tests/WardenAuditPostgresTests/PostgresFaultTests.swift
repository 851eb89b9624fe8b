import Foundation
import Synchronization
import Testing
import WardenAudit
import WardenAuditPostgres
import WardenPostgresTestSupport
import WardenValue

/// Faults of a PostgreSQL store under load: each test runs a server of its own, so crashing it
/// disturbs nothing else.
@Suite(needsPostgres, .serialized, .timeLimit(.minutes(5))) struct PostgresFaultTests {
    /// A record whose caller pid names it, so the store can be searched for it.
    static func marked(_ n: Int) -> AuditEntry {
        AuditEntry(
            time: AuditTime.now(), op: "process.send",
            caller: AuditCaller(pid: "{load|\(n)}", frame: nil, actor: Actor(id: "load:test"), scope: [], context: .complete),
            target: ["dest": "x"],
            checks: [AuditCheck(action: "process.send", resource: "x", decision: .allow, policies: ["load:allow"])],
            decision: .allow, policyRevision: "rev", durationNanoseconds: 1)
    }

    /// The caller pids of every record in the store.
    static func storedMarks(_ store: PostgresAuditStore) throws -> Set<String> {
        var marks = Set<String>()
        let cursor = try store.records(matching: AuditFilter(), limit: nil, verifying: true)
        while let read = try cursor.next() { if let pid = read.record.caller.pid { marks.insert(pid) } }
        return marks
    }

    /// Waits (polling, at most `seconds`) until `condition` holds.
    static func waitUntil(_ seconds: Int, _ what: String, _ condition: () -> Bool) async throws {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while !condition() {
            guard ContinuousClock.now < deadline else { throw PrivatePostgresServer.Failure("gave up waiting until \(what)") }
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    @Test func theServerCrashingDuringADurableLoadFailsCallsClosedAndLosesNothingAcknowledged() async throws {
        let server = try await PrivatePostgresServer.start()
        do {
            let url = try PostgresAuditURL(server.url)
            let sink = try PostgresAuditSink(url: url, node: "gw-1", connectTimeout: .seconds(2), statementTimeout: .seconds(5), logger: quietLogger)
            let log = AuditLog(node: "gw-1", sink: sink, mode: .durable, failurePolicy: .failClosed, logger: quietLogger)
            let state = LoadState()
            let load = Task {
                await withTaskGroup(of: Void.self) { group in
                    for _ in 0..<16 {
                        group.addTask {
                            while state.running.load(ordering: .relaxed) {
                                let n = state.counter.wrappingAdd(1, ordering: .relaxed).oldValue
                                do {
                                    try await log.record(Self.marked(n))
                                    state.acknowledged.withLock { $0.append(n) }
                                } catch {
                                    state.refused.add(1, ordering: .relaxed)
                                    try? await Task.sleep(for: .milliseconds(10))
                                }
                            }
                        }
                    }
                }
            }
            try await Self.waitUntil(60, "200 records were acknowledged") { state.acknowledged.withLock { $0.count } >= 200 }
            try await server.crash()
            try await Self.waitUntil(60, "calls were refused while the server was down") { state.refused.load(ordering: .relaxed) >= 16 }
            let beforeResume = state.acknowledged.withLock { $0.count }
            try await server.resume()
            try await Self.waitUntil(60, "200 more records were acknowledged") { state.acknowledged.withLock { $0.count } >= beforeResume + 200 }
            state.running.store(false, ordering: .relaxed)
            await load.value
            await log.shutdown()

            let store = PostgresAuditStore(url: url)
            let chains = try store.verify(options: AuditVerifyOptions())
            #expect(chains.map(\.node) == ["gw-1"])
            let stored = try Self.storedMarks(store)
            let lost = state.acknowledged.withLock { $0 }.filter { !stored.contains("{load|\($0)}") }
            #expect(lost.isEmpty, "acknowledged but not stored: \(lost.prefix(10))")
            #expect(state.refused.load(ordering: .relaxed) > 0)
            #expect(chains.first?.verification.records ?? 0 >= state.acknowledged.withLock { $0.count })
        } catch {
            try? await server.stop()
            throw error
        }
        try await server.stop()
    }

    @Test func fourWriterProcessesOneKilledMidLoadLeaveEveryAcknowledgedRecordAndChainsThatVerify() async throws {
        let server = try await PrivatePostgresServer.start()
        do {
            let url = try PostgresAuditURL(server.url)
            _ = try PostgresAuditStore(url: url).verify(options: AuditVerifyOptions())  // schema in place before four writers race
            let load = try LoadProcess.executable()
            let writers = (1...4).map { node in
                LoadProcess(executable: load, arguments: [server.url, "gw-\(node)", "3000", "16", "durable"])
            }
            for writer in writers { try writer.start() }
            try await Self.waitUntil(120, "the victim acknowledged 300 records") { writers[1].acknowledged.count >= 300 }
            writers[1].sigkill()
            for writer in writers { await writer.wait() }
            for (index, writer) in writers.enumerated() where index != 1 {
                #expect(writer.status == 0, "gw-\(index + 1): \(writer.errors)")
            }

            let store = PostgresAuditStore(url: url)
            let chains = try store.verify(options: AuditVerifyOptions())
            #expect(chains.map(\.node) == ["gw-1", "gw-2", "gw-3", "gw-4"])
            var stored: [String: Set<String>] = [:]
            let cursor = try store.records(matching: AuditFilter(), limit: nil, verifying: true)
            while let read = try cursor.next() { stored[read.record.node, default: []].insert(read.record.caller.pid ?? "") }
            for (index, writer) in writers.enumerated() {
                let node = "gw-\(index + 1)"
                let lost = writer.acknowledged.filter { !(stored[node]?.contains("{load|\($0)}") ?? false) }
                #expect(lost.isEmpty, "\(node): acknowledged but not stored: \(lost.prefix(10))")
                if index != 1 { #expect(writer.acknowledged.count == 3000) }
            }
        } catch {
            try? await server.stop()
            throw error
        }
        try await server.stop()
    }
}

/// The shared counters of an in-process load.
final class LoadState: Sendable {
    let acknowledged = Mutex<[Int]>([])
    let refused = Atomic<Int>(0)
    let running = Atomic<Bool>(true)
    let counter = Atomic<Int>(0)
}

/// A `warden-audit-load` child process whose `ack N` lines are collected as they arrive.
final class LoadProcess: @unchecked Sendable {
    // `@unchecked Sendable`: the mutable state is behind `lock`; `process` is configured before it
    // starts and only read afterwards.
    private let process = Process()
    private let lock = NSLock()
    private var pendingLine = ""
    private var acks: [Int] = []
    private var errorText = ""
    private var exit: Int32?
    private var exitWaiters: [CheckedContinuation<Void, Never>] = []

    init(executable: String, arguments: [String]) {
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
    }

    /// The built load generator.
    static func executable() throws -> String {
        var directory = URL(fileURLWithPath: CommandLine.arguments.first ?? "").deletingLastPathComponent()
        var candidates: [String] = []
        for _ in 0..<4 {
            candidates.append(directory.appendingPathComponent("warden-audit-load").path)
            directory = directory.deletingLastPathComponent()
        }
        candidates.append(ChildProcess.packageRoot.appendingPathComponent(".build/debug/warden-audit-load").path)
        guard let found = candidates.first(where: FileManager.default.isExecutableFile(atPath:)) else {
            throw PrivatePostgresServer.Failure("warden-audit-load is not built: run `swift build --build-tests`")
        }
        return found
    }

    func start() throws {
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        out.fileHandleForReading.readabilityHandler = { [self] handle in take(handle.availableData) }
        err.fileHandleForReading.readabilityHandler = { [self] handle in
            let text = String(decoding: handle.availableData, as: UTF8.self)
            lock.withLock { errorText += text }
        }
        process.terminationHandler = { [self] finished in
            out.fileHandleForReading.readabilityHandler = nil
            take(out.fileHandleForReading.readDataToEndOfFile())
            let waiters = lock.withLock { () -> [CheckedContinuation<Void, Never>] in
                exit = finished.terminationStatus
                defer { exitWaiters = [] }
                return exitWaiters
            }
            for waiter in waiters { waiter.resume() }
        }
        try process.run()
    }

    private func take(_ data: Data) {
        lock.withLock {
            pendingLine += String(decoding: data, as: UTF8.self)
            while let newline = pendingLine.firstIndex(of: "\n") {
                let line = pendingLine[..<newline]
                if line.hasPrefix("ack "), let n = Int(line.dropFirst(4)) { acks.append(n) }
                pendingLine = String(pendingLine[pendingLine.index(after: newline)...])
            }
        }
    }

    var acknowledged: [Int] { lock.withLock { acks } }
    var errors: String { lock.withLock { errorText } }
    var status: Int32? { lock.withLock { exit } }

    /// SIGKILL: no flush, no final checkpoint, no goodbye.
    func sigkill() { _ = kill(process.processIdentifier, SIGKILL) }

    func wait() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let done = lock.withLock { () -> Bool in
                if exit != nil { return true }
                exitWaiters.append(continuation)
                return false
            }
            if done { continuation.resume() }
        }
    }
}
