/// Why the audit log could not take or keep a record. The gateway fails the call (`INTERNAL`)
/// when ``AuditLog/record(_:)`` throws one.
public struct AuditError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The closed set of reasons.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// A sink could not be opened or an existing log could not be continued.
        case openFailed = "audit-open-failed"
        /// Another writer holds the log's lock.
        case locked = "audit-log-locked"
        /// A batch could not be written; the sink holds none of it.
        case writeFailed = "audit-write-failed"
        /// Written records could not be made durable (fsync failed).
        case syncFailed = "audit-sync-failed"
        /// The file the sink writes to was removed or replaced while open.
        case fileRemoved = "audit-file-removed"
        /// A rotation step (rename, create) failed.
        case rotationFailed = "audit-rotation-failed"
        /// A sink failed earlier and refuses further writes; the log must be reopened.
        case sinkBroken = "audit-sink-broken"
        /// A write failed earlier in `async` mode with fail-closed policy; the log refuses records.
        case failedEarlier = "audit-failed-earlier"
        /// The log was shut down.
        case closed = "audit-log-closed"
        /// Sinks of a multiplexer disagree on where the chain ends.
        case chainMismatch = "audit-chain-mismatch"
    }

    /// The reason.
    public var kind: Kind
    /// A lowercase message with the path, the cause and a hint.
    public var message: String

    /// Creates an error.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// The stable kebab-case code of the reason.
    public var code: String { kind.rawValue }

    /// The message.
    public var description: String { message }
}
