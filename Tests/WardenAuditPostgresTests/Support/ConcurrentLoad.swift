import Foundation
import Synchronization
import WardenAuditLog
import WardenAuditPostgres
import WardenAuditRecord

/// Concurrent callers recording into one log until told to stop, keeping every acknowledgement
/// (the seq and hash the log answered) and counting refusals: what a fault test checks the store
/// against.
final class ConcurrentLoad: Sendable {
    private let log: AuditLog
    private let callers: Int
    private let stopping = Atomic<Bool>(false)
    private let next = Atomic<Int>(0)
    private let refusals = Atomic<Int>(0)
    private let acknowledgements = Mutex<[AuditChainHead]>([])
    private let refusalReasons = Mutex<Set<String>>([])

    init(log: AuditLog, callers: Int) {
        self.log = log
        self.callers = callers
    }

    /// Starts `callers` callers recording into a `durable`, fail-closed log over a PostgreSQL
    /// sink at `url` that writes node `node`'s chain; ``finish(_:)`` ends the load.
    static func startDurable(on url: PostgresAuditURL, node: String = "gw-1", callers: Int) throws
        -> (load: ConcurrentLoad, running: Task<Void, Never>)
    {
        let sink = try PostgresAuditSink(url: url, node: node, logger: quietLogger)
        let log = AuditLog(node: node, sink: sink, mode: .durable, failurePolicy: .failClosed, logger: quietLogger)
        let load = ConcurrentLoad(log: log, callers: callers)
        return (load, Task { await load.run() })
    }

    /// Stops the callers, waits for `running` (the task of ``run()``) to end and shuts the log down.
    func finish(_ running: Task<Void, Never>) async {
        stop()
        await running.value
        await log.shutdown()
    }

    /// Records from every caller until ``stop()``; a refused caller pauses 10 ms and goes on.
    func run() async {
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<callers {
                group.addTask { [self] in
                    while !stopping.load(ordering: .relaxed) {
                        let n = next.wrappingAdd(1, ordering: .relaxed).oldValue
                        do throws(AuditError) {
                            // Stamped now: callers record in no fixed order, and the chain
                            // checks that time goes forward.
                            var entry = SampleEntries.entry(n)
                            entry.time = AuditTime.now()
                            if let head = try await log.record(entry) {
                                acknowledgements.withLock { $0.append(head) }
                            }
                        } catch {
                            refusals.add(1, ordering: .relaxed)
                            refusalReasons.withLock { _ = $0.insert(error.message) }
                            try? await Task.sleep(for: .milliseconds(10))
                        }
                    }
                }
            }
        }
    }

    /// Asks every caller to stop after its current call.
    func stop() { stopping.store(true, ordering: .relaxed) }

    /// How many calls were acknowledged so far.
    var acknowledgedCount: Int { acknowledgements.withLock { $0.count } }
    /// How many calls were refused so far.
    var refusedCount: Int { refusals.load(ordering: .relaxed) }
    /// The distinct messages of the refusals so far.
    var refusalMessages: Set<String> { refusalReasons.withLock { $0 } }
    /// Every acknowledgement so far.
    var acknowledged: [AuditChainHead] { acknowledgements.withLock { $0 } }

    /// Waits until `condition` holds, polling every 20 ms, for at most `limit`.
    /// - Throws: ``Timeout`` naming `what` when it does not.
    func wait(for what: String, limit: Duration = .seconds(60), _ condition: (ConcurrentLoad) -> Bool) async throws {
        let deadline = ContinuousClock.now + limit
        while !condition(self) {
            guard ContinuousClock.now < deadline else {
                throw Timeout(
                    description:
                        "\(what) did not happen within \(limit) (acknowledged \(acknowledgedCount), refused \(refusedCount))"
                )
            }
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    /// A condition that did not come true in time.
    struct Timeout: Error, CustomStringConvertible {
        let description: String
    }
}
