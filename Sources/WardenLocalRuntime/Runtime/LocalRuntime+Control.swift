import Foundation
import WardenRuntime

extension LocalRuntime {
    /// Kills the target now (`terminated`), with every consequence for monitors and links.
    nonisolated(nonsending) public func terminate(_ destination: Destination, caller: Caller) async throws(ProcessError)
    {
        let effects = try table.withLock { t throws(ProcessError) -> [ExitEffect<LocalProcess>] in
            try t.callerHandle(caller.pid)
            return t.exit(try t.resolve(destination), .error(.terminated))
        }
        perform(effects)
    }

    /// Sends CANCEL; with a deadline, terminates the target (`cancel deadline exceeded`) if it
    /// is still alive when the deadline passes.
    nonisolated(nonsending) public func cancel(_ destination: Destination, deadline: CancelDeadline?, caller: Caller)
        async throws(ProcessError)
    {
        let target = try table.withLock { t throws(ProcessError) -> LocalProcess in
            try t.callerHandle(caller.pid)
            return try t.handle(of: destination)
        }
        let due = deadline.map { Date().addingTimeInterval(Self.seconds($0.duration)) }
        target.deliverEvent(ProcessEvent(kind: .cancel, from: caller.pid, deadline: due))
        if let deadline {
            let pid = target.pid
            target.schedule(after: deadline.duration) { [self] in
                exit(pid, .error(.cancelDeadlineExceeded))
            }
        }
    }

    /// Makes the caller receive EXIT when the target exits.
    nonisolated(nonsending) public func monitor(_ destination: Destination, caller: Caller) async throws(ProcessError) {
        try table.withLock { t throws(ProcessError) in
            try t.monitor(watcher: caller.pid, target: try t.resolve(destination))
        }
    }

    /// Removes the caller's monitor of the target.
    nonisolated(nonsending) public func unmonitor(_ destination: Destination, caller: Caller) async throws(ProcessError)
    {
        try table.withLock { t throws(ProcessError) in
            try t.unmonitor(watcher: caller.pid, target: try t.resolve(destination))
        }
    }

    /// Links the caller and the target.
    nonisolated(nonsending) public func link(_ destination: Destination, caller: Caller) async throws(ProcessError) {
        try table.withLock { t throws(ProcessError) in
            try t.link(caller.pid, try t.resolve(destination))
        }
    }

    /// Removes the link between the caller and the target.
    nonisolated(nonsending) public func unlink(_ destination: Destination, caller: Caller) async throws(ProcessError) {
        try table.withLock { t throws(ProcessError) in
            try t.unlink(caller.pid, try t.resolve(destination))
        }
    }

    private static func seconds(_ duration: Duration) -> TimeInterval {
        let (seconds, attoseconds) = duration.components
        return TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
    }
}
