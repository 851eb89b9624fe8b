import Foundation
import Logging
import Synchronization
import WardenAuditLog
import WardenGateway
import WardenLocalRuntime
import WardenLua
import WardenPolicy
import WardenRegistry
import WardenRuntime

/// A loaded registry tree running on the built-in runtime behind the gateway: hosts and Lua
/// definitions registered, services supervised, every call authorized and audited.
final class RunApplication: Sendable {
    /// The tree it runs.
    let tree: RegistryTree
    /// The built-in runtime.
    let runtime: LocalRuntime
    /// The gateway in front of it.
    let gateway: Gateway
    /// The audit log.
    let log: AuditLog
    /// The services' supervisor.
    let services: ServiceSupervisor

    /// Registers the tree's hosts and every `process.lua` / `function.lua` definition and opens
    /// the audit log; throws the load errors of the Lua sources.
    init(tree: RegistryTree, policySet: PolicySet, sources: [String], options: RunOptions, io: CommandIO) throws {
        self.tree = tree
        var definitions: [ProcessDefinition] = []
        var problems: [String] = []
        let terminalHosts = Set(tree.hosts.filter(\.isTerminal).map(\.id))
        let luaServices = LuaHostServices(
            logger: Logger(label: "warden.lua"),
            terminal: LuaTerminalAccess(terminal: CommandTerminal(io: io), hosts: terminalHosts))
        for entry in tree.luaEntries where entry.kind != .library {
            do {
                definitions.append(try tree.definition(of: entry, services: luaServices).definition)
            } catch {
                problems.append(error.description)
            }
        }
        if !problems.isEmpty {
            throw CommandFailure(
                "the tree did not load (\(DiagnosticRendering.count(problems.count, "error")))", details: problems,
                code: .invalidInput)
        }
        let logger = Logger(label: "warden.run")
        log = try AuditLogFile.open(options.audit, node: options.node, mode: options.mode, logger: logger)
        runtime = LocalRuntime()
        for host in tree.hosts {
            runtime.addHost(host.id, maxProcesses: host.maxProcesses ?? (host.isTerminal ? 1 : 10_000))
        }
        ControlProcess.install(on: runtime)
        for definition in definitions { runtime.register(definition) }
        gateway = Gateway(
            wrapping: runtime, policies: PolicyStore(policySet, sources: sources), audit: log,
            configuration: GatewayConfiguration(strict: options.strict))
        let errors = io.errors
        services = ServiceSupervisor(gateway: gateway) { errors.line($0) }
    }

    /// Runs entry `id` as a root process on `host` and returns its result.
    func exec(_ id: String, host: String) async throws(ProcessError) -> ExitResult {
        let handle = try await gateway.start(StartRequest(definition: id, host: host))
        do { return try await handle.result() } catch { return .error(ProcessError(.internal, "interrupted")) }
    }

    /// Runs entry `id` on `host`, terminated when it runs longer than `limit`.
    func exec(_ id: String, host: String, limit: Duration) async -> ExitResult {
        let handle: ProcessHandle
        do { handle = try await gateway.start(StartRequest(definition: id, host: host)) } catch { return .error(error) }
        let runtime = runtime
        let timedOut = TimeoutFlag()
        let timer = Task {
            try await Task.sleep(for: limit)
            timedOut.set()
            await ControlProcess.stop([handle.pid], deadline: nil, on: runtime)
        }
        let result = (try? await handle.result()) ?? .error(ProcessError(.internal, "interrupted"))
        timer.cancel()
        if timedOut.isSet {
            return .error(ProcessError(.internal, "timed out after \(limit)", code: "timeout"))
        }
        return result
    }

    /// Shuts down in order: services cancelled dependents first (each with its `stop_timeout`,
    /// else `deadline`) and awaited, then everything terminated, then the audit log flushed.
    func shutdown(deadline: Duration) async {
        let runtime = runtime
        await services.stop(defaultDeadline: deadline) { pids, deadline in
            let milliseconds = Int(
                deadline.components.seconds * 1000 + deadline.components.attoseconds / 1_000_000_000_000_000)
            await ControlProcess.stop(pids, deadline: milliseconds, on: runtime)
        }
        await gateway.shutdown()
        await log.shutdown()
    }
}

/// Set once by a time limit that fired.
private final class TimeoutFlag: Sendable {
    private let value = Mutex(false)
    func set() { value.withLock { $0 = true } }
    var isSet: Bool { value.withLock { $0 } }
}
