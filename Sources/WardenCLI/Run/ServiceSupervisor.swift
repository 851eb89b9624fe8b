import Synchronization
import WardenGateway
import WardenRegistry
import WardenRuntime

/// Runs a tree's services behind the gateway as Wippy's supervisor does: level by level in
/// `lifecycle.requires` order (``ServiceOrder``), each with its actor and scope, restarted after
/// an abnormal exit with backoff and jitter up to `max_attempts` in a row (0: no limit; a run
/// longer than `stable_threshold` starts the count again), and stopped in reverse order.
final class ServiceSupervisor: Sendable {
    private let gateway: Gateway
    private let log: @Sendable (String) -> Void
    private let state = Mutex(State())

    private struct State {
        var running: [String: ProcessHandle] = [:]
        var stopping = false
        var tasks: [Task<Void, Never>] = []
        var levels: [[ServiceEntry]] = []
    }

    /// Creates a supervisor; `log` receives one line per start, exit and restart.
    init(gateway: Gateway, log: @escaping @Sendable (String) -> Void) {
        self.gateway = gateway
        self.log = log
    }

    /// Starts the services of `order`: a level starts once every service of the levels before it
    /// has started or given up; a service whose requirement gave up is not started.
    func start(_ order: ServiceOrder) {
        let starter = Task { await self.startLevels(order.levels) }
        state.withLock { state in
            state.levels = order.levels
            state.tasks.append(starter)
        }
    }

    /// Stops the services, dependents first: each level is cancelled with each service's
    /// `stop_timeout` (else `defaultDeadline`) through `stopper`, and its processes awaited,
    /// before the level it requires. Restarts end first.
    func stop(defaultDeadline: Duration, using stopper: @Sendable ([PID], Duration) async -> Void) async {
        let levels = state.withLock { state in
            state.stopping = true
            return state.levels
        }
        for level in levels.reversed() {
            let handles = state.withLock { state in
                level.compactMap { service in
                    state.running[service.id].map { ($0, service.stopTimeout ?? defaultDeadline) }
                }
            }
            for deadline in Set(handles.map(\.1)) {
                await stopper(handles.filter { $0.1 == deadline }.map(\.0.pid), deadline)
            }
            for (handle, _) in handles { _ = try? await handle.result() }
        }
        await finish()
    }

    /// Ends the supervising tasks (a restart wait is cut short) and waits for them.
    func finish() async {
        let tasks = state.withLock { $0.tasks }
        for task in tasks { task.cancel() }
        for task in tasks { await task.value }
    }

    private var isStopping: Bool { state.withLock { $0.stopping } }

    private func startLevels(_ levels: [[ServiceEntry]]) async {
        var down: Set<String> = []
        for level in levels {
            if isStopping || Task.isCancelled { return }
            await withTaskGroup(of: (String, Bool).self) { group in
                for service in level {
                    if let missing = service.requires.first(where: down.contains) {
                        log("service \(service.id) is not started: it requires \(missing), which is down")
                        down.insert(service.id)
                        continue
                    }
                    let (started, signal) = AsyncStream.makeStream(of: Bool.self)
                    let task = Task { await self.supervise(service, started: signal) }
                    state.withLock { $0.tasks.append(task) }
                    group.addTask {
                        for await first in started { return (service.id, first) }
                        return (service.id, false)
                    }
                }
                for await (id, started) in group where !started { down.insert(id) }
            }
        }
    }

    private func supervise(_ service: ServiceEntry, started: AsyncStream<Bool>.Continuation) async {
        defer {
            started.yield(false)
            started.finish()
        }
        var failures = 0
        let security = SecurityContext(
            actor: service.security?.actor,
            scope: service.security.map { SecurityScope(policies: $0.policies, groups: $0.groups) })
        while !isStopping {
            let began = ContinuousClock.now
            let result: ExitResult
            do {
                let handle = try await gateway.start(
                    StartRequest(definition: service.process, host: service.host, security: security))
                state.withLock { $0.running[service.id] = handle }
                started.yield(true)
                started.finish()
                result = (try? await handle.result()) ?? .error(ProcessError(.internal, "the service was not awaited"))
                state.withLock { $0.running[service.id] = nil }
            } catch {
                result = .error(error)
            }
            if isStopping { return }
            guard case .error(let error) = result else {
                log("service \(service.id) exited normally")
                return
            }
            if ContinuousClock.now - began >= service.stableThreshold { failures = 0 }
            failures += 1
            let limit = service.restart.maxAttempts
            guard service.restart.allows(attempt: failures) else {
                log("service \(service.id) exited abnormally: \(error.message); it stays down after \(limit) restarts")
                return
            }
            let delay = service.restart.jitteredDelay(beforeAttempt: failures, random: Double.random(in: 0...1))
            let count = limit == 0 ? "\(failures) (no limit)" : "\(failures) of \(limit)"
            log("service \(service.id) exited abnormally: \(error.message); restart \(count) in \(delay)")
            try? await Task.sleep(for: delay)
        }
    }
}
