import WardenRuntime

extension LocalRuntime {
    /// Binds `name` to `pid` (default: the caller).
    public func register(_ name: String, pid: PID?, caller: Caller) async throws(ProcessError) {
        try ArgumentCheck.name(name)
        try table.withLock { t throws(ProcessError) in
            try t.callerHandle(caller.pid)
            try t.registerName(name, pid: pid ?? caller.pid)
        }
    }

    /// The PID holding `name`, or `NOT_FOUND`.
    public func lookup(_ name: String, caller: Caller) async throws(ProcessError) -> PID {
        try ArgumentCheck.name(name)
        return try table.withLock { t throws(ProcessError) in try t.resolve(.name(name)) }
    }

    /// Removes `name`; returns whether it was registered.
    @discardableResult
    public func unregister(_ name: String, caller: Caller) async throws(ProcessError) -> Bool {
        try ArgumentCheck.name(name)
        return try table.withLock { t throws(ProcessError) in
            try t.callerHandle(caller.pid)
            return t.unregisterName(name)
        }
    }
}
