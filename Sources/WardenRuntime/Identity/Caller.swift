/// The identity behind one call: the calling process and its security context.
///
/// Runtimes build a `Caller` from the calling process's own state and pass it explicitly on
/// every ``ProcessRuntime`` call; a process body never builds one, it only sees its
/// ``ProcessContext``.
public struct Caller: Sendable, Hashable {
    /// The calling process.
    public let pid: PID
    /// The call-chain id of the calling process (`process.id()`).
    public let frame: String
    /// The definition id the calling process currently runs (used to tell whether `upgrade`
    /// changes the code).
    public let definition: String
    /// The caller's actor and scope.
    public let security: SecurityContext

    /// Creates a caller. Runtimes call this; process code receives its caller through its context.
    public init(pid: PID, frame: String, definition: String, security: SecurityContext) {
        self.pid = pid
        self.frame = frame
        self.definition = definition
        self.security = security
    }
}
