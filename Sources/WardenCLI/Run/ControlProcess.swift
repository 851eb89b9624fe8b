import WardenLocalRuntime
import WardenRuntime
import WardenValue

/// The operator's own process on the built-in runtime: cancelling and terminating need a calling
/// process, so `warden run` starts this one (outside the gateway: stopping what it started is the
/// operator's act, like starting it) to cancel services at shutdown and stop tests past their time.
enum ControlProcess {
    /// The host the control process runs on.
    static let host = "warden:control"
    /// Its definition id.
    static let definition = "warden:control"

    /// Registers the host and the definition.
    static func install(on runtime: LocalRuntime) {
        runtime.addHost(host, maxProcesses: 64)
        runtime.register(definition) { context in
            // args: deadline in milliseconds (negative: terminate at once), then the PIDs.
            guard case .int(let milliseconds)? = context.args.first else { return .null }
            for case .string(let text) in context.args.dropFirst() {
                guard let pid = PID(text) else { continue }
                if milliseconds < 0 {
                    try? await context.terminate(pid)
                } else {
                    try? await context.cancel(pid, deadline: try CancelDeadline(milliseconds: milliseconds))
                }
            }
            return .null
        }
    }

    /// Cancels `pids` with a deadline (`nil`: terminates them at once) and waits until that is sent.
    static func stop(_ pids: [PID], deadline milliseconds: Int?, on runtime: LocalRuntime) async {
        guard !pids.isEmpty else { return }
        let args: [Value] = [.int(milliseconds ?? -1)] + pids.map { .string($0.description) }
        guard let handle = try? await runtime.start(StartRequest(definition: definition, host: host, args: args)) else {
            return
        }
        _ = try? await handle.result()
    }
}
