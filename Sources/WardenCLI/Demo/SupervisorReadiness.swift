import WardenGateway
import WardenRuntime

/// Whether the demo supervisor got ready (it registers `app.ready` once its workers run) or
/// stopped first, as it does when the policies deny its calls.
enum SupervisorReadiness: Sendable {
    /// The supervisor registered `app.ready`.
    case ready
    /// The supervisor ended before it was ready.
    case stopped(ExitResult)

    /// Waits for whichever comes first: the name `app.ready`, or the supervisor's end; gives up
    /// after 10 seconds.
    static func wait(for supervisor: ProcessHandle, on gateway: Gateway) async throws -> SupervisorReadiness {
        try await withThrowingTaskGroup(of: SupervisorReadiness.self) { group in
            group.addTask {
                while await gateway.owner(ofName: "app.ready") == nil {
                    try await Task.sleep(for: .milliseconds(10))
                }
                return .ready
            }
            group.addTask { .stopped(try await supervisor.result()) }
            group.addTask {
                try await Task.sleep(for: .seconds(10))
                throw CommandFailure.invalid("the demo supervisor neither got ready nor stopped in 10 seconds")
            }
            defer { group.cancelAll() }
            guard let first = try await group.next() else {
                throw CommandFailure.invalid("the demo supervisor could not be watched")
            }
            return first
        }
    }
}
