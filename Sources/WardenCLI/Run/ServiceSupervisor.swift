import Synchronization
import WardenGateway
import WardenRegistry
import WardenRuntime

/// Runs the `auto_start` services of a tree behind the gateway: each with its actor and scope,
/// restarted after an abnormal exit with exponential backoff up to `max_attempts`, then left down.
final class ServiceSupervisor: Sendable {
    private let gateway: Gateway
    private let log: @Sendable (String) -> Void
    private let state = Mutex(State())

    private struct State {
        var running: [String: ProcessHandle] = [:]
        var stopping = false
        var tasks: [Task<Void, Never>] = []
    }

    /// Creates a supervisor; `log` receives one line per start, exit and restart.
    init(gateway: Gateway, log: @escaping @Sendable (String) -> Void) {
        self.gateway = gateway
        self.log = log
    }

    /// Starts every service of `services` with `auto_start: true`.
    func start(_ services: [ServiceEntry]) {
        for service in services where service.autoStart {
            let task = Task { await self.supervise(service) }
            state.withLock { $0.tasks.append(task) }
        }
    }

    /// Stops restarting and returns the services' current processes, for the caller to cancel.
    func stopRestarting() -> [ProcessHandle] {
        state.withLock { state in
            state.stopping = true
            return Array(state.running.values)
        }
    }

    /// Ends the supervising tasks (a restart wait is cut short) and waits for them.
    func finish() async {
        let tasks = state.withLock { $0.tasks }
        for task in tasks { task.cancel() }
        for task in tasks { await task.value }
    }

    private var isStopping: Bool { state.withLock { $0.stopping } }

    private func supervise(_ service: ServiceEntry) async {
        var failures = 0
        let security = SecurityContext(
            actor: service.security?.actor,
            scope: service.security.map { SecurityScope(policies: $0.policies, groups: $0.groups) })
        while !isStopping {
            let result: ExitResult
            do {
                let handle = try await gateway.start(
                    StartRequest(definition: service.process, host: service.host, security: security))
                state.withLock { $0.running[service.id] = handle }
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
            failures += 1
            guard failures <= service.restart.maxAttempts else {
                log(
                    "service \(service.id) exited abnormally: \(error.message); it stays down after \(service.restart.maxAttempts) restarts"
                )
                return
            }
            let delay = service.restart.delay(beforeAttempt: failures)
            log(
                "service \(service.id) exited abnormally: \(error.message); restart \(failures) of \(service.restart.maxAttempts) in \(delay)"
            )
            try? await Task.sleep(for: delay)
        }
    }
}
