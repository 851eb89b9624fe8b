import Foundation

/// A lifecycle event delivered on a process's `events()` channel.
public struct ProcessEvent: Sendable, Hashable {
    /// The event types of the spec.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// A graceful cancel was requested.
        case cancel = "CANCEL"
        /// A monitored process exited (normally or not).
        case exit = "EXIT"
        /// A linked process exited abnormally (delivered only with `trap_links = true`).
        case linkDown = "LINK_DOWN"
    }

    /// The event type.
    public var kind: Kind
    /// The process the event is about (the exited process, or the canceller for CANCEL).
    public var from: PID
    /// The exit result, for `EXIT` and `LINK_DOWN`.
    public var result: ExitResult?
    /// When the runtime will terminate the process, for a `CANCEL` with a deadline.
    public var deadline: Date?

    /// Creates an event.
    public init(kind: Kind, from: PID, result: ExitResult? = nil, deadline: Date? = nil) {
        self.kind = kind
        self.from = from
        self.result = result
        self.deadline = deadline
    }
}
