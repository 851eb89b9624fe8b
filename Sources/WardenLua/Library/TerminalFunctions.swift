extension LuaProcess {
    /// The Swift side of the `io` module: only processes on a host the terminal is bound to
    /// (a `terminal.host`) may use it.
    func terminalCall(_ function: LuaFunctionID, on stack: LuaStack) -> LuaReturn {
        let host = context.pid.host
        guard let access = program?.services.terminal, access.hosts.contains(host) else {
            return .raise(
                "the `io` module is only available to processes on a terminal.host, and this process runs on `\(host)`; hint: run it with `warden run TREE -x` on the tree's terminal.host"
            )
        }
        let terminal = access.terminal
        switch function {
        case .ioCheck:
            return .results(0)
        case .ioWrite:
            terminal.write(stack.string(at: 1) ?? "")
            return .results(0)
        case .ioReadLine:
            return .block(
                .call { () async -> LuaReply in
                    guard let line = await terminal.readLine() else { return .values([.null]) }
                    return .values([.string(line)])
                })
        default:
            return .raise("not a terminal function")
        }
    }
}
