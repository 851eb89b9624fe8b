import WardenRuntime
import WardenValue

extension LocalRuntime {
    /// Delivers one message; per-sender order holds because delivery completes before return.
    nonisolated(nonsending) public func send(
        _ destination: Destination, topic: String, payload: [Value], caller: Caller
    )
        async throws(ProcessError)
    {
        try deliver(destination, topic: topic, payload: payload, caller: caller)
    }

    /// Delivers one message at once: the built-in runtime never needs to suspend for a send.
    public func sendNow(_ destination: Destination, topic: String, payload: [Value], caller: Caller)
        -> Result<Void, ProcessError>?
    {
        do throws(ProcessError) {
            try deliver(destination, topic: topic, payload: payload, caller: caller)
            return .success(())
        } catch {
            return .failure(error)
        }
    }

    private func deliver(_ destination: Destination, topic: String, payload: [Value], caller: Caller)
        throws(ProcessError)
    {
        try ArgumentCheck.topic(topic)
        let target = try table.withLock { t throws(ProcessError) -> LocalProcess in
            try t.callerHandle(caller.pid)
            return try t.handle(of: destination)
        }
        target.deliver(Message(topic: topic, from: caller.pid, payload: payload))
    }
}
