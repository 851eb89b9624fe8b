import WardenRuntime
import WardenSync
import WardenValue

/// The built-in actor runtime: processes are tasks with mailboxes, all relations live in one
/// lock-protected ``ProcessTable`` whose events return the effects performed after unlocking.
///
/// Register hosts and definitions, then ``start(_:)`` root processes; their calls go through
/// the runtime itself, or through the `front` given at start (a gateway).
public final class LocalRuntime: ProcessRuntime {
    let table = Locked(ProcessTable<LocalProcess>())
    /// Where process tasks run; `nil` runs them on Swift's global concurrent executor.
    let executor: ProcessExecutor?

    /// Creates an empty runtime (no hosts, no definitions) whose processes run on `executor`
    /// (`nil`: Swift's global concurrent executor).
    public init(executor: ProcessExecutor? = .shared) {
        self.executor = executor
    }

    /// Creates a runtime with hosts and definitions registered.
    public convenience init(
        hosts: [HostConfiguration], definitions: [ProcessDefinition], executor: ProcessExecutor? = .shared
    ) {
        self.init(executor: executor)
        for host in hosts { addHost(host) }
        for definition in definitions { register(definition) }
    }

    // MARK: Configuration

    /// Registers a host, or changes the bound of an existing one.
    public func addHost(_ host: HostConfiguration) {
        table.withLock { $0.addHost(host) }
    }

    /// Registers a host with at most `maxProcesses` processes alive at once.
    public func addHost(_ id: String, maxProcesses: Int) {
        addHost(HostConfiguration(id: id, maxProcesses: maxProcesses))
    }

    /// Registers a definition, replacing one with the same id (running processes keep their code).
    public func register(_ definition: ProcessDefinition) {
        table.withLock { $0.register(definition) }
    }

    /// Registers a definition from its parts.
    public func register(_ id: String, security: DefinitionSecurity? = nil, body: @escaping ProcessBody) {
        register(ProcessDefinition(id: id, security: security, body: body))
    }

    // MARK: Introspection

    /// How many processes are alive.
    public var processCount: Int { table.withLock { $0.entries.count } }

    /// Whether `pid` is alive.
    public func isAlive(_ pid: PID) -> Bool { table.withLock { $0.entries[pid] != nil } }

    /// How many processes of `host` are alive (0 for an unknown host).
    public func liveCount(onHost host: String) -> Int { table.withLock { $0.hosts[host]?.live ?? 0 } }

    // MARK: Internals shared by the operations

    /// Performs what the table decided: delivers events, stops exited processes. `returned` is
    /// the process whose body has just returned (its task ends by itself).
    func perform(_ effects: [ExitEffect<LocalProcess>], returned: PID? = nil) {
        for effect in effects {
            switch effect {
            case .notify(let process, let event): process.deliverEvent(event)
            case .stopped(let process, let pid, let result): process.stop(result, bodyReturned: pid == returned)
            }
        }
    }

    /// `pid` exits with `result` now (terminate, cancel deadline), with every consequence.
    func exit(_ pid: PID, _ result: ExitResult) {
        perform(table.withLock { $0.exit(pid, result) })
    }

    func trapLinks(of pid: PID) -> Bool {
        table.withLock { $0.entries[pid]?.trapLinks ?? false }
    }

    func setTrapLinks(of pid: PID, _ trap: Bool) throws(ProcessError) {
        try table.withLock { t throws(ProcessError) in try t.setTrapLinks(pid, trap) }
    }
}
