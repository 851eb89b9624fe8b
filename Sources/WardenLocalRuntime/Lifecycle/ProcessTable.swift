import WardenRuntime
import WardenValue

/// The whole runtime state: processes, names, hosts and definitions.
///
/// Every event is a mutating method that either throws a ``ProcessError`` and changes nothing,
/// or applies completely and returns the effects the runtime must perform outside the lock.
/// It never touches a thread, a clock or a channel, so it is tested directly. Its process
/// entries are reference-typed records, so the table is noncopyable: it has one owner.
struct ProcessTable<Handle>: ~Copyable {
    private(set) var entries: [PID: ProcessEntry<Handle>] = [:]
    private(set) var names: [String: PID] = [:]
    private(set) var hosts: [String: HostState] = [:]
    private(set) var definitions: [String: ProcessDefinition] = [:]
    /// Upgrades scheduled by processes whose body has not unwound yet (kept apart so the
    /// entries of all other processes stay small).
    private(set) var upgrades: [PID: PendingUpgrade] = [:]
    /// Set by shutdown; no process starts afterwards.
    private(set) var isShutDown = false

    // MARK: Configuration

    /// Registers or replaces a definition (running processes keep their code).
    mutating func register(_ definition: ProcessDefinition) {
        definitions[definition.id] = definition
    }

    /// Registers a host, or changes the bound of an existing one (its counter is kept).
    mutating func addHost(_ host: HostConfiguration) {
        if hosts[host.id] != nil {
            hosts[host.id]?.limit = host.maxProcesses
        } else {
            hosts[host.id] = HostState(id: host.id, limit: host.maxProcesses)
        }
    }

    // MARK: Lookups

    /// The entry of a live process.
    func entry(_ pid: PID) -> ProcessEntry<Handle>? { entries[pid] }

    /// Whether `pid` is alive.
    func isAlive(_ pid: PID) -> Bool { entries[pid] != nil }

    /// The handle of a live process.
    func handle(_ pid: PID) -> Handle? { entries[pid]?.handle }

    /// The handle of the calling process, which must be alive (`INVALID` otherwise: its
    /// context is gone).
    @discardableResult
    func callerHandle(_ pid: PID) throws(ProcessError) -> Handle {
        guard let handle = handle(pid) else {
            throw ProcessError(
                .invalid,
                "calling process `\(pid)` is not running; hint: process calls are only valid while the caller lives",
                code: "caller-not-running")
        }
        return handle
    }

    /// The definition id a live process currently runs.
    func currentDefinition(of pid: PID) throws(ProcessError) -> String {
        try callerHandle(pid)
        return entries[pid]?.definition ?? ""
    }

    /// The live process a destination stands for, or `NOT_FOUND`.
    func resolve(_ destination: Destination) throws(ProcessError) -> PID {
        switch destination {
        case .pid(let pid):
            guard isAlive(pid) else {
                throw ProcessError(
                    .notFound, "process `\(pid)` is not running; hint: it may have exited", code: "process-not-found")
            }
            return pid
        case .name(let name):
            guard let pid = names[name] else {
                throw ProcessError(
                    .notFound, "no process is registered as `\(name)`; hint: check the name or register it first",
                    code: "name-not-found")
            }
            return pid
        }
    }

    /// The handle of the live process a destination stands for, or `NOT_FOUND`.
    func handle(of destination: Destination) throws(ProcessError) -> Handle {
        let pid = try resolve(destination)
        guard let handle = handle(pid) else {
            throw ProcessError(.internal, "process `\(pid)` resolved but has no entry", code: "table-inconsistent")
        }
        return handle
    }

    /// A registered definition, or `NOT_FOUND`.
    func definition(_ id: String) throws(ProcessError) -> ProcessDefinition {
        guard let definition = definitions[id] else {
            throw ProcessError(
                .notFound, "unknown process definition `\(id)`; hint: register the definition before spawning it",
                code: "unknown-definition")
        }
        return definition
    }

    // MARK: Starting processes

    /// Checks that `host` is registered (`NOT_FOUND`) and the runtime is not shut down (`INVALID`).
    @discardableResult
    func checkHost(_ host: String) throws(ProcessError) -> HostState {
        if isShutDown {
            throw ProcessError(
                .invalid, "the runtime is shut down; hint: start a new runtime", code: "runtime-shut-down")
        }
        guard let state = hosts[host] else {
            throw ProcessError(
                .notFound, "unknown host `\(host)`; hint: add the host to the runtime before spawning on it",
                code: "unknown-host")
        }
        return state
    }

    /// Admits a new process on `host` and returns its fresh PID: `NOT_FOUND` for an unknown
    /// host, `INVALID` (`host-full`) when the host is at its bound or the runtime is shut down.
    mutating func admit(host: String) throws(ProcessError) -> PID {
        var state = try checkHost(host)
        guard state.live < state.limit else {
            throw ProcessError(
                .invalid,
                "host `\(host)` is full (\(state.limit) processes); hint: wait for processes to exit or raise the host's bound",
                code: "host-full")
        }
        state.live += 1
        state.lastCounter += 1
        hosts[host] = state
        return PID(host: state.id, counter: state.lastCounter)
    }

    /// Inserts an admitted process. `parent` gets the requested link/monitor before the child
    /// runs; `name` (already checked free) is bound to it.
    mutating func insert(
        _ pid: PID, handle: Handle, definition: String, parent: PID?, mode: SpawnMode, name: String?
    ) {
        let entry = ProcessEntry(handle: handle, definition: definition)
        if let parent, isAlive(parent) {
            if mode.links {
                entry.links.insert(parent)
                entries[parent]?.links.insert(pid)
            }
            if mode.monitors {
                entry.monitors.insert(parent)
                entries[parent]?.monitoring.insert(pid)
            }
        }
        if let name {
            entry.names.append(name)
            names[name] = pid
        }
        entries[pid] = entry
    }

    // MARK: Relations

    /// `monitor`: `watcher` gets EXIT when `target` exits. Idempotent.
    mutating func monitor(watcher: PID, target: PID) throws(ProcessError) {
        try checkRelation(watcher, target, "monitor")
        entries[target]?.monitors.insert(watcher)
        entries[watcher]?.monitoring.insert(target)
    }

    /// `unmonitor`: removes the monitor if there was one.
    mutating func unmonitor(watcher: PID, target: PID) throws(ProcessError) {
        try callerHandle(watcher)
        entries[target]?.monitors.remove(watcher)
        entries[watcher]?.monitoring.remove(target)
    }

    /// `link`: links two live processes. Idempotent.
    mutating func link(_ a: PID, _ b: PID) throws(ProcessError) {
        try checkRelation(a, b, "link")
        entries[a]?.links.insert(b)
        entries[b]?.links.insert(a)
    }

    /// `unlink`: removes the link if there was one.
    mutating func unlink(_ a: PID, _ b: PID) throws(ProcessError) {
        try callerHandle(a)
        entries[a]?.links.remove(b)
        entries[b]?.links.remove(a)
    }

    private func checkRelation(_ caller: PID, _ target: PID, _ operation: String) throws(ProcessError) {
        try callerHandle(caller)
        guard isAlive(target) else {
            throw ProcessError(
                .notFound, "process `\(target)` is not running; hint: it may have exited", code: "process-not-found")
        }
        if caller == target {
            throw ProcessError(
                .invalid, "a process cannot \(operation) itself; hint: pass another process", code: "self-target")
        }
    }

    /// `set_options`: whether LINK_DOWN is trapped.
    mutating func setTrapLinks(_ pid: PID, _ trap: Bool) throws(ProcessError) {
        try callerHandle(pid)
        entries[pid]?.trapLinks = trap
    }

    // MARK: Names

    /// `registry.register`: binds `name` to live `pid`; same pair again is ok.
    mutating func registerName(_ name: String, pid: PID) throws(ProcessError) {
        guard isAlive(pid) else {
            throw ProcessError(
                .notFound, "process `\(pid)` is not running; hint: register a live process", code: "process-not-found")
        }
        if let holder = names[name] {
            if holder == pid { return }
            throw ProcessError(
                .alreadyExists,
                "name `\(name)` is already registered to `\(holder)`; hint: unregister it first or pick another name",
                code: "name-taken")
        }
        names[name] = pid
        entries[pid]?.names.append(name)
    }

    /// `registry.unregister`: returns whether the name was bound.
    mutating func unregisterName(_ name: String) -> Bool {
        guard let holder = names.removeValue(forKey: name) else { return false }
        entries[holder]?.names.removeAll { $0 == name }
        return true
    }

    // MARK: Upgrade

    /// Schedules `definition` for `pid` once its body unwinds; resets `trap_links`.
    mutating func scheduleUpgrade(_ pid: PID, to definition: ProcessDefinition, args: [Value]) throws(ProcessError) {
        try callerHandle(pid)
        upgrades[pid] = PendingUpgrade(definition: definition, args: args)
        entries[pid]?.trapLinks = false
        entries[pid]?.definition = definition.id
    }

    /// The body of `pid` unwound with `result`: its scheduled upgrade if there is one, or else
    /// the process exits (see ``exit(_:_:)``).
    mutating func bodyFinished(_ pid: PID, _ result: ExitResult) -> BodyOutcome<Handle> {
        if let upgrade = upgrades.removeValue(forKey: pid), isAlive(pid) {
            return .upgrade(upgrade)
        }
        return .exit(exit(pid, result))
    }

    // MARK: Exit

    /// `pid` exits with `result`: monitors get EXIT, linked processes get LINK_DOWN (trapping)
    /// or exit with `linked process failed` (not trapping, cascading), names are released.
    /// Does nothing for a process that is not alive.
    mutating func exit(_ pid: PID, _ result: ExitResult) -> [ExitEffect<Handle>] {
        var effects: [ExitEffect<Handle>] = []
        var cascade: [(PID, ExitResult)] = []  // processes killed by links, in kill order
        remove(pid, result, effects: &effects, cascade: &cascade)
        var next = 0
        while next < cascade.count {
            let (dying, outcome) = cascade[next]
            next += 1
            remove(dying, outcome, effects: &effects, cascade: &cascade)
        }
        return effects
    }

    /// Removes one exiting process and records what its exit causes.
    private mutating func remove(
        _ dying: PID, _ outcome: ExitResult, effects: inout [ExitEffect<Handle>], cascade: inout [(PID, ExitResult)]
    ) {
        guard let entry = entries.removeValue(forKey: dying) else { return }
        if !upgrades.isEmpty { upgrades[dying] = nil }
        hosts[dying.host]?.live -= 1
        for name in entry.names { names[name] = nil }
        for target in entry.monitoring { entries[target]?.monitors.remove(dying) }
        for watcherPID in entry.monitors {
            guard let watcher = entries[watcherPID] else { continue }
            watcher.monitoring.remove(dying)
            effects.append(.notify(watcher.handle, ProcessEvent(kind: .exit, from: dying, result: outcome)))
        }
        for peerPID in entry.links {
            guard let peer = entries[peerPID] else { continue }
            peer.links.remove(dying)
            guard outcome.isAbnormal else { continue }
            if peer.trapLinks {
                effects.append(.notify(peer.handle, ProcessEvent(kind: .linkDown, from: dying, result: outcome)))
            } else {
                cascade.append((peerPID, .error(.linkedProcessFailed)))
            }
        }
        effects.append(.stopped(entry.handle, dying, outcome))
    }

    /// Shutdown: every process stops with `runtime shut down`, no events, no new processes.
    mutating func shutDown() -> [ExitEffect<Handle>] {
        isShutDown = true
        let stopped = entries.map { ExitEffect<Handle>.stopped($0.value.handle, $0.key, .error(.runtimeShutDown)) }
        entries.removeAll()
        names.removeAll()
        upgrades.removeAll()
        for id in hosts.keys { hosts[id]?.live = 0 }
        return stopped
    }
}
